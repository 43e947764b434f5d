using System.Security.Cryptography;
using System.Text;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client.Bulk;

/// <summary>
/// A row as the requests it becomes, checked by the client's own <c>Validate</c> (so a dry run and a real run refuse the
/// same rows, in the client's dialect), the fingerprint that makes two addresses the same, and the key that makes two
/// rows the same row.
/// </summary>
internal static class ImportRowChecks
{
    /// <summary>The columns an import reads, by the request member each becomes.</summary>
    private static readonly Dictionary<string, string> s_columns = new(StringComparer.Ordinal)
    {
        ["Email"] = "email", ["Name"] = "name", ["Locale"] = "locale", ["Country"] = "country_code", ["Description"] = "description",
        ["FirstLine"] = "first_line", ["SecondLine"] = "second_line", ["City"] = "city", ["PostalCode"] = "postal_code", ["Region"] = "region",
    };

    /// <summary>The business columns an import reads, by the member of the business create each becomes.</summary>
    private static readonly Dictionary<string, string> s_businessColumns = new(StringComparer.Ordinal)
    {
        ["Name"] = "business_name", ["CompanyNumber"] = "company_number", ["TaxIdentifier"] = "tax_identifier", ["Contacts"] = "business_contacts",
    };

    /// <summary>Why a row cannot be imported by <paramref name="client"/>, or null.</summary>
    internal static string? Problem(BulkImportRow row, CustomerAddressesClient client)
    {
        if (row.Problem is { } unreadable)
        {
            return Echo.Escape(unreadable);
        }

        if (row.OtherMembers is { Count: > 0 } others)
        {
            return $"{string.Join(", ", others.Select(o => Echo.Quote(o)))} {(others.Count == 1 ? "is not a member" : "are not members")} an import reads ({string.Join(", ", s_columns.Values.Concat(s_businessColumns.Values))}).";
        }

        if (client.Customers.Validate(Customer(row)) is [var customer, ..])
        {
            return Describe(customer, s_columns);
        }

        if (row.HasAddress)
        {
            if (string.IsNullOrEmpty(row.Country))
            {
                return "country_code is required for an address.";
            }

            if (client.Addresses.Validate(Address(row)) is [var address, ..])
            {
                return Describe(address, s_columns);
            }
        }

        if (row.HasBusiness)
        {
            if (!client.Dialect.HasBusinesses)
            {
                return $"business_name, company_number, tax_identifier and business_contacts are for a business, which {client.Dialect.Name} does not have (Paddle Billing does).";
            }

            if (string.IsNullOrEmpty(row.BusinessName))
            {
                return "business_name is required for a business.";
            }

            if (client.Businesses.Validate(Business(row)) is [var business, ..])
            {
                return Describe(business, s_businessColumns);
            }
        }

        return null;
    }

    /// <summary>The problem in the row's words: the column (<c>Contacts[1].Email</c> becomes <c>business_contacts[1].Email</c>) and the rule.</summary>
    private static string Describe(RequestProblem problem, Dictionary<string, string> columns)
    {
        int end = problem.Member.IndexOfAny(['[', '.']);
        string head = end < 0 ? problem.Member : problem.Member[..end];
        return $"{(columns.TryGetValue(head, out string? column) ? column + problem.Member[head.Length..] : problem.Member)} {problem.Reason}";
    }

    internal static CreateCustomerRequest Customer(BulkImportRow row) => new()
    {
        Email = row.Email?.Trim() ?? string.Empty,
        Name = NullIfEmpty(row.Name),
        Locale = NullIfEmpty(row.Locale),
    };

    internal static CreateAddressRequest Address(BulkImportRow row) => new()
    {
        Country = new CountryCode(row.Country!),
        Description = NullIfEmpty(row.Description),
        FirstLine = NullIfEmpty(row.FirstLine),
        SecondLine = NullIfEmpty(row.SecondLine),
        City = NullIfEmpty(row.City),
        PostalCode = NullIfEmpty(row.PostalCode),
        Region = NullIfEmpty(row.Region),
    };

    internal static CreateBusinessRequest Business(BulkImportRow row) => new()
    {
        Name = row.BusinessName ?? string.Empty,
        CompanyNumber = NullIfEmpty(row.CompanyNumber),
        TaxIdentifier = NullIfEmpty(row.TaxIdentifier),
        Contacts = row.BusinessContacts is { Count: > 0 } contacts ? contacts : null,
    };

    /// <summary>The customer's key: its email, trimmed, in lower case.</summary>
    internal static string Key(BulkImportRow row) => row.Email!.Trim().ToLowerInvariant();

    /// <summary>Every imported member of an address, an empty one as absent: equal fingerprints are the same address.</summary>
    internal static string Fingerprint(BulkImportRow row) =>
        Fingerprint(row.Country, row.Description, row.FirstLine, row.SecondLine, row.City, row.PostalCode, row.Region);

    internal static string Fingerprint(Address address) =>
        Fingerprint(address.Country?.Value, address.Description, address.FirstLine, address.SecondLine, address.City, address.PostalCode, address.Region);

    /// <summary>Every imported member of a business, its contacts in order, an empty one as absent: equal fingerprints are the same business.</summary>
    internal static string BusinessFingerprint(BulkImportRow row) =>
        Fingerprint(row.BusinessName, row.CompanyNumber, row.TaxIdentifier, Contacts(row.BusinessContacts));

    internal static string BusinessFingerprint(Business business) =>
        Fingerprint(business.Name, business.CompanyNumber, business.TaxIdentifier, Contacts(business.Contacts));

    private static string Contacts(IReadOnlyList<BusinessContact>? contacts) =>
        string.Join('\u001d', (contacts ?? []).Select(c => $"{c.Name}\u001c{c.Email}"));

    private static string Fingerprint(params string?[] members) => string.Join('\u001f', members.Select(m => NullIfEmpty(m) ?? string.Empty));

    /// <summary>
    /// The row's content, hashed: every member it gives (not its place in the source), so that a row moved keeps its key
    /// and a row edited gets a new one. The journal keeps keys, not emails. A row without a business has the key it had
    /// before businesses were imported, so journals of earlier versions still match their rows.
    /// </summary>
    internal static string Content(BulkImportRow row)
    {
        string text = string.Join('\u001e', [
            row.Email ?? string.Empty, row.Name ?? string.Empty, row.Locale ?? string.Empty, Fingerprint(row),
            string.Join('\u001f', row.OtherMembers ?? []), row.Problem ?? string.Empty,
            .. row.HasBusiness ? [BusinessFingerprint(row)] : Array.Empty<string>()]);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16)).ToLowerInvariant();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
