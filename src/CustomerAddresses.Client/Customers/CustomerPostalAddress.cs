using System.Globalization;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client;

/// <summary>The city and country a customer is billed at (the <c>address</c> member of a customer).</summary>
public sealed record CustomerPostalAddress
{
    /// <summary>Gets the city.</summary>
    [JsonPropertyName("city")]
    public string? City { get; init; }

    /// <summary>Gets the country. In a request it must be a two-letter ISO 3166-1 alpha-2 code.</summary>
    [JsonPropertyName("country")]
    public CountryCode? Country { get; init; }

    /// <summary>Writes the members that carry no personal data; read the properties for the rest.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Country = {Country}, (city not shown)");
        return true;
    }
}
