using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Protocol;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.Customers;

/// <summary>The customer endpoints, each declared once.</summary>
internal static class CustomerOperations
{
    internal const string Route = "customers";

    internal static readonly ApiOperation<ICustomersApi, CreateCustomerRequest, Customer> Create = new(
        new OperationInfo("customers.create", "Create customer", HttpMethod.Post, Route),
        CustomerAddressesJsonContext.Default.CreateCustomerRequest,
        CustomerAddressesJsonContext.Default.Customer,
        static (api, request, operation, ct) => api.CreateAsync(request, operation, ct));

    /// <summary>The same endpoint in Paddle's body, which has no member beyond its own.</summary>
    internal static readonly ApiOperation<ICustomersApi, PaddleCustomerBody, Customer> CreateOnPaddle = new(
        Create.Info,
        CustomerAddressesJsonContext.Default.PaddleCustomerBody,
        CustomerAddressesJsonContext.Default.Customer,
        static (api, body, operation, ct) => api.CreateOnPaddleAsync(body, operation, ct));
}
