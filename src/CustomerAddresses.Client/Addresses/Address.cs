using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client;

/// <summary>A customer address as the API returns it.</summary>
public sealed record Address
{
    private CustomerId _customerId;
    private CountryCode? _country;

    /// <summary>Gets the address id (<c>add_</c>).</summary>
    [JsonPropertyName("id")]
    public required AddressId Id { get; init; }

    /// <summary>
    /// Gets the id of the customer the address belongs to. Servers that leave it out of list items have it
    /// filled in from the list or the request.
    /// </summary>
    [JsonPropertyName("customer_id")]
    public CustomerId CustomerId { get => _customerId; init => _customerId = value; }

    /// <summary>Gets the status; unknown server values are kept as they are.</summary>
    [JsonPropertyName("status")]
    public AddressStatus? Status { get; init; }

    /// <summary>Gets the memorable description, such as <c>Home</c>.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Gets the first line of the address.</summary>
    [JsonPropertyName("first_line")]
    public string? FirstLine { get; init; }

    /// <summary>Gets the second line of the address.</summary>
    [JsonPropertyName("second_line")]
    public string? SecondLine { get; init; }

    /// <summary>Gets the city.</summary>
    [JsonPropertyName("city")]
    public string? City { get; init; }

    /// <summary>Gets the ZIP or postal code.</summary>
    [JsonPropertyName("postal_code")]
    public string? PostalCode { get; init; }

    /// <summary>Gets the state, county or region.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; init; }

    /// <summary>Gets the country, read from <c>country</c> or, on Paddle, <c>country_code</c>.</summary>
    [JsonPropertyName("country")]
    public CountryCode? Country { get => _country; init => _country = value; }

    /// <summary>Gets your own structured key-value data.</summary>
    [JsonPropertyName("custom_data")]
    public JsonObject? CustomData { get; init; }

    /// <summary>Gets where the address was imported from, if it was.</summary>
    [JsonPropertyName("import_meta")]
    public ImportMeta? ImportMeta { get; init; }

    /// <summary>Gets when the address was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the address was last updated.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Paddle's name for <see cref="Country"/>; read only, never written.</summary>
    [JsonInclude]
    [JsonPropertyName("country_code")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal CountryCode? CountryCodeAlias { get => null; init => _country ??= value; }

    /// <summary>Fills in the customer id of an item whose server left it out, without copying the record.</summary>
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
        builder.Append(CultureInfo.InvariantCulture, $"Id = {Id}, CustomerId = {CustomerId}, Status = {Status}, Country = {Country}, CreatedAt = {CreatedAt:O}, UpdatedAt = {UpdatedAt:O}, (description, lines, city, region, postal code and custom data not shown)");
        return true;
    }
}
