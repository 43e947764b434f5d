using System.Text.Json.Serialization;
using CustomerAddresses.Client.Addresses;
using CustomerAddresses.Client.Customers;
using CustomerAddresses.Client.Protocol;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.Webhooks;

/// <summary>Source-generated metadata of a webhook's envelope, the customers and addresses it carries, and the events list.</summary>
[JsonSourceGenerationOptions(
    MaxDepth = JsonLimits.MaxReadDepth,
    Converters = [typeof(Rfc3339DateTimeOffsetConverter), typeof(CustomerJsonConverter), typeof(AddressJsonConverter), typeof(PaddleEventJsonConverter)])]
[JsonSerializable(typeof(WebhookEnvelope))]
[JsonSerializable(typeof(Customer))]
[JsonSerializable(typeof(Address))]
[JsonSerializable(typeof(Business))]
[JsonSerializable(typeof(PaymentMethod))]
[JsonSerializable(typeof(ListBody<PaddleWebhookEvent>))]
internal sealed partial class WebhooksJsonContext : JsonSerializerContext;
