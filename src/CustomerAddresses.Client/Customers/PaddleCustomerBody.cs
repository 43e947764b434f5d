using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client.Customers;

/// <summary>Paddle's <c>customer-create</c> body: <c>email</c> required, <c>name</c>, <c>locale</c>, <c>custom_data</c>, nothing else.</summary>
internal sealed record PaddleCustomerBody(
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("locale")] string? Locale,
    [property: JsonPropertyName("custom_data")] JsonObject? CustomData)
{
    internal static PaddleCustomerBody From(CreateCustomerRequest request) => new(request.Email, request.Name, request.Locale, request.CustomData);
}
