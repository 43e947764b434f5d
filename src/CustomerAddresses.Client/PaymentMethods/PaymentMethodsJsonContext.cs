using System.Text.Json.Serialization;
using CustomerAddresses.Client.Protocol;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.PaymentMethods;

/// <summary>Source-generated metadata of every saved payment method type that crosses the wire; nothing is serialized by reflection.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = JsonLimits.MaxReadDepth,
    Converters = [typeof(Rfc3339DateTimeOffsetConverter)])]
[JsonSerializable(typeof(PaymentMethod))]
[JsonSerializable(typeof(ListBody<PaymentMethod>))]
[JsonSerializable(typeof(Acknowledgement))]
internal sealed partial class PaymentMethodsJsonContext : JsonSerializerContext;
