using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CustomerAddresses.Client.Protocol;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.Customers;

/// <summary>
/// Source-generated metadata of every customer type that crosses the wire; nothing is serialized by reflection.
/// Requests leave out every member the caller did not set; responses are read to <see cref="JsonLimits.MaxReadDepth"/> levels.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = JsonLimits.MaxReadDepth,
    Converters = [typeof(Rfc3339DateTimeOffsetConverter), typeof(CustomerJsonConverter)])]
[JsonSerializable(typeof(Customer))]
[JsonSerializable(typeof(CreateCustomerRequest))]
[JsonSerializable(typeof(UpdateCustomerRequest))]
[JsonSerializable(typeof(PaddleCustomerBody))]
[JsonSerializable(typeof(ListBody<Customer>))]
[JsonSerializable(typeof(CustomerPostalAddress))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(ListBody<CustomerCreditBalance>))]
[JsonSerializable(typeof(CustomerAuthToken))]
[JsonSerializable(typeof(CustomerPortalSession))]
[JsonSerializable(typeof(PortalSessionBody))]
internal sealed partial class CustomersJsonContext : JsonSerializerContext;
