using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client;

/// <summary>
/// The body of <see cref="BusinessesClient.CreateAsync(CustomerId, CreateBusinessRequest, CancellationToken)"/>: Paddle's
/// <c>business-create</c>, a name and whatever else you set; nothing else is sent.
/// </summary>
public sealed record CreateBusinessRequest
{
    /// <summary>Gets the business's name (required, 1 to 1,024 characters).</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Gets the company number, at most 1,024 characters.</summary>
    [JsonPropertyName("company_number")]
    public string? CompanyNumber { get; init; }

    /// <summary>Gets the tax or VAT number, at most 1,024 characters.</summary>
    [JsonPropertyName("tax_identifier")]
    public string? TaxIdentifier { get; init; }

    /// <summary>Gets the contacts: at most 100, each with an email address, none twice.</summary>
    [JsonPropertyName("contacts")]
    public IReadOnlyList<BusinessContact>? Contacts { get; init; }

    /// <summary>Gets your own key-value data.</summary>
    [JsonPropertyName("custom_data")]
    public JsonObject? CustomData { get; init; }

    /// <summary>Writes the members that carry no personal data; read the properties for the rest.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Contacts = {Contacts?.Count}, (name, numbers, contacts and custom data not shown)");
        return true;
    }
}
