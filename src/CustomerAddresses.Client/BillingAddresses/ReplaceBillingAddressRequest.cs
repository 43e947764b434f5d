using System.Globalization;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client;

/// <summary>
/// The body of <see cref="BillingAddressesClient.ReplaceAsync(OrganizationId, BillingAddressId, ReplaceBillingAddressRequest, CancellationToken)"/>: the whole address, as Wacht's server takes it for
/// <c>PUT organizations/{id}/billing-addresses/{billing_address_id}</c>. Every member is required: a replace sets
/// each of them.
/// </summary>
public sealed record ReplaceBillingAddressRequest
{
    /// <summary>Gets the street address (the first address line). Required.</summary>
    [JsonPropertyName("address")]
    public required string Address { get; init; }

    /// <summary>Gets the city. Required.</summary>
    [JsonPropertyName("city")]
    public required string City { get; init; }

    /// <summary>Gets the state or province. Required.</summary>
    [JsonPropertyName("state")]
    public required string State { get; init; }

    /// <summary>Gets the postal or ZIP code. Required.</summary>
    [JsonPropertyName("postal_code")]
    public required string PostalCode { get; init; }

    /// <summary>Gets the country, such as <c>US</c>. Required.</summary>
    [JsonPropertyName("country")]
    public required CountryCode Country { get; init; }

    /// <summary>Writes the members that carry no personal data; read the properties for the rest.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Country = {Country}, (address, city, state and postal code not shown)");
        return true;
    }
}
