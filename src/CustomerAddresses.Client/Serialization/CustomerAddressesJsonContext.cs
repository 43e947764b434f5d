using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client.Serialization;

/// <summary>
/// Source-generated metadata for every type that crosses the wire; nothing is serialized by reflection.
/// Requests leave out every member the caller did not set. Responses are read to <see cref="MaxReadDepth"/> levels:
/// a server's envelope around custom data the client was allowed to send (63 levels) is deeper than the default 64.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = MaxReadDepth,
    Converters = [typeof(Rfc3339DateTimeOffsetConverter), typeof(AddressJsonConverter), typeof(CustomerJsonConverter), typeof(BillingAddressJsonConverter)])]
[JsonSerializable(typeof(Customer))]
[JsonSerializable(typeof(CreateCustomerRequest))]
[JsonSerializable(typeof(UpdateCustomerRequest))]
[JsonSerializable(typeof(List<Customer>))]
[JsonSerializable(typeof(Customers.PaddleCustomerBody))]
[JsonSerializable(typeof(Address))]
[JsonSerializable(typeof(CreateAddressRequest))]
[JsonSerializable(typeof(UpdateAddressRequest))]
[JsonSerializable(typeof(Addresses.ApiV1AddressPatch))]
[JsonSerializable(typeof(Addresses.PaddleAddressBody))]
[JsonSerializable(typeof(List<Address>))]
[JsonSerializable(typeof(BillingAddress))]
[JsonSerializable(typeof(AddBillingAddressRequest))]
[JsonSerializable(typeof(ReplaceBillingAddressRequest))]
[JsonSerializable(typeof(List<BillingAddress>))]
[JsonSerializable(typeof(Acknowledgement))]
[JsonSerializable(typeof(Webhooks.WebhookEnvelope))]
[JsonSerializable(typeof(Protocol.ListBody<Customer>))]
[JsonSerializable(typeof(Protocol.ListBody<Address>))]
[JsonSerializable(typeof(Protocol.ListBody<BillingAddress>))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(ImportMeta))]
[JsonSerializable(typeof(CustomerPostalAddress))]
internal sealed partial class CustomerAddressesJsonContext : JsonSerializerContext
{
    /// <summary>How deep a response body may nest; requests are bounded by the client's own checks, well below it.</summary>
    internal const int MaxReadDepth = 256;

    /// <summary>The options of every reader over a response body.</summary>
    internal static readonly System.Text.Json.JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxReadDepth };
}
