using System.Globalization;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client;

/// <summary>The body of <see cref="BillingAddressesClient.AddAsync(OrganizationId, AddBillingAddressRequest, CancellationToken)"/>. Members left <see langword="null"/> are not sent.</summary>
public sealed record AddBillingAddressRequest
{
    /// <summary>Gets the display name for the billing address. Required.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Gets the company name. Required.</summary>
    [JsonPropertyName("company")]
    public required string Company { get; init; }

    /// <summary>Gets the primary address line. Required.</summary>
    [JsonPropertyName("address_line_1")]
    public required string AddressLine1 { get; init; }

    /// <summary>Gets the secondary address line.</summary>
    [JsonPropertyName("address_line_2")]
    public string? AddressLine2 { get; init; }

    /// <summary>Gets the city. Required.</summary>
    [JsonPropertyName("city")]
    public required string City { get; init; }

    /// <summary>Gets the state or province. Required.</summary>
    [JsonPropertyName("state")]
    public required string State { get; init; }

    /// <summary>Gets the postal or ZIP code. Required.</summary>
    [JsonPropertyName("postal_code")]
    public required string PostalCode { get; init; }

    /// <summary>Gets the country as a two-letter ISO 3166-1 alpha-2 code, such as <c>US</c>. Required.</summary>
    [JsonPropertyName("country")]
    public required CountryCode Country { get; init; }

    /// <summary>Gets whether this should become the default billing address.</summary>
    [JsonPropertyName("is_default")]
    public bool? IsDefault { get; init; }

    /// <summary>Writes the members that carry no personal data; read the properties for the rest.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Country = {Country}, IsDefault = {IsDefault}, (name, company, lines, city, state and postal code not shown)");
        return true;
    }
}
