using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client.Serialization;

/// <summary>Source-generated metadata of the shapes every resource shares: custom data and import metadata.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, MaxDepth = JsonLimits.MaxReadDepth)]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(ImportMeta))]
internal sealed partial class SharedJsonContext : JsonSerializerContext;
