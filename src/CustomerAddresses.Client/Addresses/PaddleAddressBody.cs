using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client.Addresses;

/// <summary>
/// Paddle's <c>address-create</c> body: <c>country_code</c> required; <c>description</c>, <c>first_line</c>,
/// <c>second_line</c>, <c>city</c>, <c>postal_code</c>, <c>region</c>, <c>custom_data</c>; nothing else.
/// </summary>
internal sealed record PaddleAddressBody(
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("first_line")] string? FirstLine,
    [property: JsonPropertyName("second_line")] string? SecondLine,
    [property: JsonPropertyName("city")] string? City,
    [property: JsonPropertyName("postal_code")] string? PostalCode,
    [property: JsonPropertyName("region")] string? Region,
    [property: JsonPropertyName("country_code")] CountryCode CountryCode,
    [property: JsonPropertyName("custom_data")] JsonObject? CustomData)
{
    internal static PaddleAddressBody From(CreateAddressRequest request) =>
        new(request.Description, request.FirstLine, request.SecondLine, request.City, request.PostalCode, request.Region, request.Country, request.CustomData);
}
