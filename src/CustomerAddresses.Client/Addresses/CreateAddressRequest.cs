using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client;

/// <summary>The body of <see cref="AddressesClient.CreateAsync(CustomerId, CreateAddressRequest, CancellationToken)"/>. Members left <see langword="null"/> are not sent.</summary>
public sealed record CreateAddressRequest
{
    /// <summary>Gets the state, county or region; at most 200 characters. Required by the /api/v1 API; optional on Paddle.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; init; }

    /// <summary>Gets the city; at most 200 characters. Required by the /api/v1 API; optional on Paddle.</summary>
    [JsonPropertyName("city")]
    public string? City { get; init; }

    /// <summary>
    /// Gets the country as a two-letter ISO 3166-1 alpha-2 code, such as <c>US</c>. Required. Sent as <c>country</c>
    /// to the /api/v1 API and as <c>country_code</c> to Paddle.
    /// </summary>
    [JsonPropertyName("country")]
    public required CountryCode Country { get; init; }

    /// <summary>Gets a memorable description, such as <c>Home</c>; at most 1024 characters.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Gets the first line of the address; at most 1024 characters (Paddle only).</summary>
    [JsonPropertyName("first_line")]
    public string? FirstLine { get; init; }

    /// <summary>Gets the second line of the address; at most 1024 characters (Paddle only).</summary>
    [JsonPropertyName("second_line")]
    public string? SecondLine { get; init; }

    /// <summary>Gets the ZIP or postal code; at most 200 characters (Paddle only).</summary>
    [JsonPropertyName("postal_code")]
    public string? PostalCode { get; init; }

    /// <summary>Gets your own structured key-value data.</summary>
    [JsonPropertyName("custom_data")]
    public JsonObject? CustomData { get; init; }

    /// <summary>Writes the members that carry no personal data; read the properties for the rest.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Country = {Country}, (description, lines, city, region, postal code and custom data not shown)");
        return true;
    }
}
