using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CustomerAddresses.Client.Protocol;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.Addresses;

/// <summary>
/// Source-generated metadata of every address type that crosses the wire; nothing is serialized by reflection.
/// Requests leave out every member the caller did not set; responses are read to <see cref="JsonLimits.MaxReadDepth"/> levels.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = JsonLimits.MaxReadDepth,
    Converters = [typeof(Rfc3339DateTimeOffsetConverter), typeof(AddressJsonConverter)])]
[JsonSerializable(typeof(Address))]
[JsonSerializable(typeof(CreateAddressRequest))]
[JsonSerializable(typeof(UpdateAddressRequest))]
[JsonSerializable(typeof(ApiV1AddressPatch))]
[JsonSerializable(typeof(PaddleAddressBody))]
[JsonSerializable(typeof(ListBody<Address>))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class AddressesJsonContext : JsonSerializerContext;
