using System.Text.Json.Serialization;

namespace ColdStart;

/// <summary>What the loopback server answers to, and the credentials every side sends.</summary>
internal static class Api
{
    public const string Key = "pdl_sdbx_apikey_01hcoldstartcoldstartcold";
    public const string CustomerId = "ctm_01hrffh7gvp29kc7xahm8wddwa";
}

#if SIDE_RAW || SIDE_PEER
// The raw and peer sides' shapes: Paddle's customer and address, as a hand-written client declares them.
internal sealed record RawCustomer([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("email")] string? Email, [property: JsonPropertyName("name")] string? Name);

internal sealed record RawCustomerEnvelope([property: JsonPropertyName("data")] RawCustomer Data);

internal sealed record RawAddress([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("city")] string? City, [property: JsonPropertyName("country_code")] string? CountryCode);

internal sealed record RawAddressEnvelope([property: JsonPropertyName("data")] RawAddress Data);

internal sealed record RawCreateAddress([property: JsonPropertyName("country_code")] string CountryCode, [property: JsonPropertyName("city")] string City);

[JsonSerializable(typeof(RawCustomerEnvelope))]
[JsonSerializable(typeof(RawAddressEnvelope))]
[JsonSerializable(typeof(RawCreateAddress))]
internal sealed partial class RawJsonContext : JsonSerializerContext;
#endif

#if SIDE_PEER
/// <summary>The peer's source-generated Refit interface.</summary>
public interface IPeerApi
{
    [Refit.Get("/customers/{customerId}")]
    internal Task<RawCustomerEnvelope> GetCustomerAsync(string customerId);

    [Refit.Post("/customers/{customerId}/addresses")]
    internal Task<RawAddressEnvelope> CreateAddressAsync(string customerId, [Refit.Body] RawCreateAddress request);
}
#endif
