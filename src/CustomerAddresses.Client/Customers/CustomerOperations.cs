using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Core.Paging;
using CustomerAddresses.Client.Protocol;

namespace CustomerAddresses.Client.Customers;

/// <summary>The customer endpoints, each declared once.</summary>
internal static class CustomerOperations
{
    internal const string Route = "customers";
    internal const string ItemRoute = Route + "/{customer_id}";

    internal static readonly ApiOperation<ICustomersApi, CustomerId, Customer> Get = new(
        new OperationInfo("customers.get", "Get customer", HttpMethod.Get, ItemRoute),
        RequestBody: null,
        CustomersJsonContext.Default.Customer,
        static (api, id, operation, ct) => api.GetAsync(id.Value, operation, ct));

    internal static readonly ApiOperation<ICustomersApi, (CustomerId Id, UpdateCustomerRequest Request), Customer> Update = new(
        new OperationInfo("customers.update", "Update customer", HttpMethod.Patch, ItemRoute),
        CustomersJsonContext.Default.UpdateCustomerRequest,
        CustomersJsonContext.Default.Customer,
        static (api, args, operation, ct) => api.UpdateAsync(args.Id.Value, args.Request, operation, ct));

    internal static readonly ListOperation<ICustomersApi, CustomerListArgs, Customer> List = new(
        new OperationInfo("customers.list", "List customers", HttpMethod.Get, Route),
        CustomersJsonContext.Default.ListBodyCustomer,
        ItemsMember: "customers",
        OwnerMember: null,
        static (api, args, q, operation, ct) => api.ListAsync(q.After, q.PerPage, args.OrderBy, args.Status, args.Search, args.Id, args.Email, q.Limit, q.Offset, operation, ct),
        static customer => customer.Id.Value);

    internal static readonly ApiOperation<ICustomersApi, CreateCustomerRequest, Customer> Create = new(
        new OperationInfo("customers.create", "Create customer", HttpMethod.Post, Route),
        CustomersJsonContext.Default.CreateCustomerRequest,
        CustomersJsonContext.Default.Customer,
        static (api, request, operation, ct) => api.CreateAsync(request, operation, ct));

    /// <summary>The same endpoint in Paddle's body, which has no member beyond its own.</summary>
    internal static readonly ApiOperation<ICustomersApi, PaddleCustomerBody, Customer> CreateOnPaddle = new(
        Create.Info,
        CustomersJsonContext.Default.PaddleCustomerBody,
        CustomersJsonContext.Default.Customer,
        static (api, body, operation, ct) => api.CreateOnPaddleAsync(body, operation, ct));
}
