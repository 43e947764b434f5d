using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client;

/// <summary>
/// The body of <see cref="AddressesClient.UpdateAsync(CustomerId, AddressId, UpdateAddressRequest, CancellationToken)"/>: every member is optional, and only those you set are sent.
/// A <see cref="Patch{T}"/> member has three states: leave it out to keep the server's value, set it to a value, or
/// set it to <see langword="null"/> to clear it. <c>FirstLine</c>, <c>SecondLine</c> and <c>PostalCode</c> are Paddle's
/// only; the country goes as <c>country_code</c> to Paddle and as <c>country</c> to the /api/v1 API.
/// </summary>
public sealed record UpdateAddressRequest
{
    /// <summary>Gets the new description; <see langword="null"/> clears it.</summary>
    [JsonPropertyName("description")]
    [JsonConverter(typeof(PatchStringJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Patch<string> Description { get; init; }

    /// <summary>Gets the new first line (Paddle only); <see langword="null"/> clears it.</summary>
    [JsonPropertyName("first_line")]
    [JsonConverter(typeof(PatchStringJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Patch<string> FirstLine { get; init; }

    /// <summary>Gets the new second line (Paddle only); <see langword="null"/> clears it.</summary>
    [JsonPropertyName("second_line")]
    [JsonConverter(typeof(PatchStringJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Patch<string> SecondLine { get; init; }

    /// <summary>Gets the new city; <see langword="null"/> clears it.</summary>
    [JsonPropertyName("city")]
    [JsonConverter(typeof(PatchStringJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Patch<string> City { get; init; }

    /// <summary>Gets the new postal code (Paddle only); <see langword="null"/> clears it.</summary>
    [JsonPropertyName("postal_code")]
    [JsonConverter(typeof(PatchStringJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Patch<string> PostalCode { get; init; }

    /// <summary>Gets the new region; <see langword="null"/> clears it.</summary>
    [JsonPropertyName("region")]
    [JsonConverter(typeof(PatchStringJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Patch<string> Region { get; init; }

    /// <summary>Gets the new country, a two-letter ISO 3166-1 alpha-2 code; left <see langword="null"/>, it is kept.</summary>
    [JsonPropertyName("country_code")]
    public CountryCode? Country { get; init; }

    /// <summary>Gets the new custom data, which replaces the old as a whole; <see langword="null"/> clears it.</summary>
    [JsonPropertyName("custom_data")]
    [JsonConverter(typeof(PatchJsonObjectJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Patch<JsonObject> CustomData { get; init; }

    /// <summary>Gets the new status; <see cref="AddressesClient.ArchiveAsync(CustomerId, AddressId, CancellationToken)"/> sets <see cref="AddressStatus.Archived"/>.</summary>
    [JsonPropertyName("status")]
    public AddressStatus? Status { get; init; }

    /// <summary>Writes the members that carry no personal data; read the properties for the rest.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Country = {Country}, Status = {Status}, (description, lines, city, region, postal code and custom data not shown)");
        return true;
    }
}
