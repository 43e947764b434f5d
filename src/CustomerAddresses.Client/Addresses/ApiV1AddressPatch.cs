using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.Addresses;

/// <summary>An address update in the /api/v1 API's names: <c>country</c>, and no Paddle-only line or postal code.</summary>
internal sealed record ApiV1AddressPatch(
    [property: JsonPropertyName("description"), JsonConverter(typeof(PatchStringJsonConverter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] Patch<string> Description,
    [property: JsonPropertyName("city"), JsonConverter(typeof(PatchStringJsonConverter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] Patch<string> City,
    [property: JsonPropertyName("region"), JsonConverter(typeof(PatchStringJsonConverter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] Patch<string> Region,
    [property: JsonPropertyName("country")] CountryCode? Country,
    [property: JsonPropertyName("custom_data"), JsonConverter(typeof(PatchJsonObjectJsonConverter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] Patch<JsonObject> CustomData,
    [property: JsonPropertyName("status")] AddressStatus? Status)
{
    internal static ApiV1AddressPatch From(UpdateAddressRequest request) =>
        new(request.Description, request.City, request.Region, request.Country, request.CustomData, request.Status);
}
