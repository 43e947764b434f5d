using System.Text.Json.Serialization;
using CustomerAddresses.Client.Addresses;
using CustomerAddresses.Client.Customers;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.Webhooks;

/// <summary>Source-generated metadata of a webhook's envelope and the customers and addresses it carries.</summary>
[JsonSourceGenerationOptions(
    MaxDepth = JsonLimits.MaxReadDepth,
    Converters = [typeof(Rfc3339DateTimeOffsetConverter), typeof(CustomerJsonConverter), typeof(AddressJsonConverter)])]
[JsonSerializable(typeof(WebhookEnvelope))]
[JsonSerializable(typeof(Customer))]
[JsonSerializable(typeof(Address))]
internal sealed partial class WebhooksJsonContext : JsonSerializerContext;
