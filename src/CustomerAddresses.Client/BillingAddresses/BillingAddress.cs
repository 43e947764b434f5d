using System.Globalization;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client;

/// <summary>
/// An organization's billing address as the API returns it: the members of seed 004, or those of Wacht's server, which
/// names the first address line <c>address</c> and leaves out name, company, second line and default flag.
/// </summary>
public sealed record BillingAddress
{
    private string? _addressLine1;

    /// <summary>Gets the billing address id: <c>billing_…</c>, a snowflake number, or whatever the server issued.</summary>
    [JsonPropertyName("id")]
    public required BillingAddressId Id { get; init; }

    /// <summary>Gets the display name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the company name.</summary>
    [JsonPropertyName("company")]
    public string? Company { get; init; }

    /// <summary>Gets the primary address line (<c>address_line_1</c>, or <c>address</c> from a server that names it so).</summary>
    [JsonPropertyName("address_line_1")]
    public string? AddressLine1 { get => _addressLine1; init => _addressLine1 = value; }

    /// <summary>Gets the secondary address line.</summary>
    [JsonPropertyName("address_line_2")]
    public string? AddressLine2 { get; init; }

    /// <summary>Gets the city.</summary>
    [JsonPropertyName("city")]
    public string? City { get; init; }

    /// <summary>Gets the state or province.</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary>Gets the postal or ZIP code.</summary>
    [JsonPropertyName("postal_code")]
    public string? PostalCode { get; init; }

    /// <summary>Gets the country code.</summary>
    [JsonPropertyName("country")]
    public CountryCode? Country { get; init; }

    /// <summary>Gets whether this is the organization's default billing address.</summary>
    [JsonPropertyName("is_default")]
    public bool IsDefault { get; init; }

    /// <summary>Gets when the billing address was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the billing address was last updated.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Wacht's name for the first line; <c>address_line_1</c> wins when a body has both.</summary>
    [JsonInclude]
    [JsonPropertyName("address")]
    internal string? Address
    {
        get => null;
        init => _addressLine1 ??= value;
    }

    /// <summary>Writes the members that carry no personal data; read the properties for the rest.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Id = {Id}, Country = {Country}, IsDefault = {IsDefault}, CreatedAt = {CreatedAt:O}, UpdatedAt = {UpdatedAt:O}, (name, company, lines, city, state and postal code not shown)");
        return true;
    }
}
