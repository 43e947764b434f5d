using System.Text.Json.Serialization;
using CustomerAddresses.Client.Protocol;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.BillingAddresses;

/// <summary>
/// Source-generated metadata of every billing address type that crosses the wire; nothing is serialized by reflection.
/// Requests leave out every member the caller did not set; responses are read to <see cref="JsonLimits.MaxReadDepth"/> levels.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = JsonLimits.MaxReadDepth,
    Converters = [typeof(Rfc3339DateTimeOffsetConverter), typeof(BillingAddressJsonConverter)])]
[JsonSerializable(typeof(BillingAddress))]
[JsonSerializable(typeof(AddBillingAddressRequest))]
[JsonSerializable(typeof(ReplaceBillingAddressRequest))]
[JsonSerializable(typeof(ListBody<BillingAddress>))]
[JsonSerializable(typeof(Acknowledgement))]
internal sealed partial class BillingAddressesJsonContext : JsonSerializerContext;
