using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CustomerAddresses.Client.Protocol;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.Businesses;

/// <summary>
/// Source-generated metadata of every business type that crosses the wire; nothing is serialized by reflection.
/// Requests leave out every member the caller did not set; responses are read to <see cref="JsonLimits.MaxReadDepth"/> levels.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = JsonLimits.MaxReadDepth,
    Converters = [typeof(Rfc3339DateTimeOffsetConverter)])]
[JsonSerializable(typeof(Business))]
[JsonSerializable(typeof(CreateBusinessRequest))]
[JsonSerializable(typeof(UpdateBusinessRequest))]
[JsonSerializable(typeof(ListBody<Business>))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class BusinessesJsonContext : JsonSerializerContext;
