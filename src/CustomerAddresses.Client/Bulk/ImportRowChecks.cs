using CustomerAddresses.Client.Addresses;
using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Customers;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client.Bulk;

/// <summary>
/// A row as the requests it becomes, checked exactly as the client checks them before sending (so a dry run and a real
/// run refuse the same rows), and the fingerprint that makes two addresses the same.
/// </summary>
internal static class ImportRowChecks
{
    /// <summary>Why a row cannot be imported under <paramref name="dialect"/>, or null.</summary>
    internal static string? Problem(BulkImportRow row, WireDialect dialect)
    {
        if (row.Problem is { } unreadable)
        {
            return Echo.Escape(unreadable);
        }

        if (row.OtherMembers is { Count: > 0 } others)
        {
            return $"{string.Join(", ", others.Select(o => Echo.Quote(o)))} {(others.Count == 1 ? "is not a member" : "are not members")} an import reads (email, name, locale, country_code, description, first_line, second_line, city, postal_code, region).";
        }

        try
        {
            CustomerOperations.Create.For(dialect).Check(Customer(row));
            if (row.HasAddress)
            {
                if (string.IsNullOrEmpty(row.Country))
                {
                    return "country_code is required for an address.";
                }

                // The id only has to be well formed: the check reads the request.
                AddressOperations.Create.For(dialect).Check((CustomerId.Parse(dialect.Kind == ApiDialect.PaddleBilling ? "ctm_0" : "cus_0"), Address(row)));
            }

            return null;
        }
        catch (ArgumentException e)
        {
            string message = e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : e.Message;
            foreach ((string member, string column) in s_columns)
            {
                message = message.Replace(member, column, StringComparison.Ordinal);
            }

            return message;
        }
    }

    /// <summary>The requests' members as the rows name them, for reasons a person reads next to the file.</summary>
    private static readonly (string Member, string Column)[] s_columns =
    [
        ("request.Email", "email"), ("request.Name", "name"), ("request.Locale", "locale"), ("request.Country", "country_code"),
        ("request.Description", "description"), ("request.FirstLine", "first_line"), ("request.SecondLine", "second_line"),
        ("request.City", "city"), ("request.PostalCode", "postal_code"), ("request.Region", "region"),
    ];

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

    /// <summary>The customer's key: its email, trimmed, in lower case.</summary>
    internal static string Key(BulkImportRow row) => row.Email!.Trim().ToLowerInvariant();

    /// <summary>Every imported member of an address, an empty one as absent: equal fingerprints are the same address.</summary>
    internal static string Fingerprint(BulkImportRow row) =>
        Fingerprint(row.Country, row.Description, row.FirstLine, row.SecondLine, row.City, row.PostalCode, row.Region);

    internal static string Fingerprint(Address address) =>
        Fingerprint(address.Country?.Value, address.Description, address.FirstLine, address.SecondLine, address.City, address.PostalCode, address.Region);

    private static string Fingerprint(params string?[] members) => string.Join('\u001f', members.Select(m => NullIfEmpty(m) ?? string.Empty));

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
