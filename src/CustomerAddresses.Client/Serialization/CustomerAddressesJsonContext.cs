using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client.Serialization;

/// <summary>
/// Source-generated metadata for every type that crosses the wire; nothing is serialized by reflection.
/// Requests leave out every member the caller did not set.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
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
}
