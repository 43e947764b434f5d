using System.Globalization;

namespace CustomerAddresses.Client.Bulk;

/// <summary>
/// One row of a bulk import: a customer (<see cref="Email"/> required; <see cref="Name"/>, <see cref="Locale"/>),
/// optionally one address (<see cref="Country"/> required for an address) and optionally one business
/// (<see cref="BusinessName"/> required for a business; Paddle only). Rows with the same email are one customer, and
/// must not give it two names or two locales.
/// </summary>
public sealed record BulkImportRow
{
    /// <summary>Gets where the row is in its source, such as its line in the file, for the reports of a rejected row. Required; at least 1.</summary>
    public required long LineNumber { get; init; }

    /// <summary>Gets the customer's email: the key that makes rows one customer (compared ignoring case).</summary>
    public string? Email { get; init; }

    /// <summary>Gets the customer's name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the customer's locale (Paddle).</summary>
    public string? Locale { get; init; }

    /// <summary>Gets the address's country code (<c>country_code</c>), such as <c>US</c>; required when any address member is set.</summary>
    public string? Country { get; init; }

    /// <summary>Gets the address's description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the address's first line (Paddle).</summary>
    public string? FirstLine { get; init; }

    /// <summary>Gets the address's second line (Paddle).</summary>
    public string? SecondLine { get; init; }

    /// <summary>Gets the address's city.</summary>
    public string? City { get; init; }

    /// <summary>Gets the address's postal code (Paddle).</summary>
    public string? PostalCode { get; init; }

    /// <summary>Gets the address's region.</summary>
    public string? Region { get; init; }

    /// <summary>Gets the business's name (<c>name</c> of a Paddle business); required when any business member is set.</summary>
    public string? BusinessName { get; init; }

    /// <summary>Gets the business's company number.</summary>
    public string? CompanyNumber { get; init; }

    /// <summary>Gets the business's tax or VAT number.</summary>
    public string? TaxIdentifier { get; init; }

    /// <summary>Gets the business's contacts, in order.</summary>
    public IReadOnlyList<BusinessContact>? BusinessContacts { get; init; }

    /// <summary>
    /// Gets the names of members the source set that an import does not read: a row with any is rejected, so that nothing
    /// given is dropped without a word (a reader that warns of them once and leaves them out may do so instead).
    /// </summary>
    public IReadOnlyList<string>? OtherMembers { get; init; }

    /// <summary>Gets why the source could not be read as a row (an unparsable line), or <see langword="null"/>; such a row is rejected.</summary>
    public string? Problem { get; init; }

    /// <summary>Gets what the source gave for the row (its fields, its line), passed back untouched in <see cref="BulkRejectedRow"/> for a rejects file in the input's format; not read by the import.</summary>
    public object? Source { get; init; }

    /// <summary>Gets whether the row sets any address member.</summary>
    public bool HasAddress =>
        !string.IsNullOrEmpty(Country) || !string.IsNullOrEmpty(Description) || !string.IsNullOrEmpty(FirstLine) || !string.IsNullOrEmpty(SecondLine)
        || !string.IsNullOrEmpty(City) || !string.IsNullOrEmpty(PostalCode) || !string.IsNullOrEmpty(Region);

    /// <summary>Gets whether the row sets any business member.</summary>
    public bool HasBusiness =>
        !string.IsNullOrEmpty(BusinessName) || !string.IsNullOrEmpty(CompanyNumber) || !string.IsNullOrEmpty(TaxIdentifier) || BusinessContacts is { Count: > 0 };

    /// <summary>Writes the members that carry no personal data.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"LineNumber = {LineNumber}, Locale = {Locale}, Country = {Country}, HasAddress = {HasAddress}, HasBusiness = {HasBusiness}, Problem = {Problem}, (email, names, address lines and business details not shown)");
        return true;
    }
}

/// <summary>A row a bulk import did not send, and why.</summary>
/// <param name="Row">The row, as the source gave it.</param>
/// <param name="Reason">Why: the column and the rule, or the server's refusal.</param>
public sealed record BulkRejectedRow(BulkImportRow Row, string Reason);
