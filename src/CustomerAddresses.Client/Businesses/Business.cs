using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client;

/// <summary>A customer's business as Paddle returns it: what a B2B customer is invoiced as.</summary>
public sealed record Business
{
    private CustomerId _customerId;

    /// <summary>Gets the business id (<c>biz_</c>).</summary>
    [JsonPropertyName("id")]
    public required BusinessId Id { get; init; }

    /// <summary>Gets the id of the customer the business belongs to; filled in from the request when the server leaves it out.</summary>
    [JsonPropertyName("customer_id")]
    public CustomerId CustomerId { get => _customerId; init => _customerId = value; }

    /// <summary>Gets the business's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the company number.</summary>
    [JsonPropertyName("company_number")]
    public string? CompanyNumber { get; init; }

    /// <summary>Gets the tax or VAT number.</summary>
    [JsonPropertyName("tax_identifier")]
    public string? TaxIdentifier { get; init; }

    /// <summary>Gets the status; unknown server values are kept as they are.</summary>
    [JsonPropertyName("status")]
    public BusinessStatus? Status { get; init; }

    /// <summary>Gets the contacts, typically those invoices are sent to.</summary>
    [JsonPropertyName("contacts")]
    public IReadOnlyList<BusinessContact>? Contacts { get; init; }

    /// <summary>Gets your own key-value data.</summary>
    [JsonPropertyName("custom_data")]
    public JsonObject? CustomData { get; init; }

    /// <summary>Gets where the business was imported from, if it was.</summary>
    [JsonPropertyName("import_meta")]
    public ImportMeta? ImportMeta { get; init; }

    /// <summary>Gets when the business was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the business was last updated.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Fills in the customer id of a business whose server left it out, without copying the record.</summary>
    internal void FillMissingCustomerId(CustomerId customerId)
    {
        if (_customerId.Value.Length == 0)
        {
            _customerId = customerId;
        }
    }

    /// <summary>Writes the members that carry no personal data; read the properties for the rest.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Id = {Id}, CustomerId = {CustomerId}, Status = {Status}, Contacts = {Contacts?.Count}, CreatedAt = {CreatedAt:O}, UpdatedAt = {UpdatedAt:O}, (name, numbers, contacts and custom data not shown)");
        return true;
    }
}

/// <summary>A contact of a <see cref="Business"/>: a name and the email address invoices go to.</summary>
public sealed record BusinessContact
{
    /// <summary>Gets the contact's full name; optional when creating or updating a business.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the contact's email address (required).</summary>
    [JsonPropertyName("email")]
    public required string Email { get; init; }

    /// <summary>Writes nothing of the contact: its name and email are personal data.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("(name and email not shown)");
        return true;
    }
}
