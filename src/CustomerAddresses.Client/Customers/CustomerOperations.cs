using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Core.Paging;
using CustomerAddresses.Client.Protocol;

namespace CustomerAddresses.Client.Customers;

/// <summary>The customer endpoints, each declared once, with its variant in each dialect.</summary>
internal static class CustomerOperations
{
    internal const string Route = "customers";
    internal const string ItemRoute = Route + "/{customer_id}";
    internal const string CreditBalancesRoute = ItemRoute + "/credit-balances";
    internal const string AuthTokenRoute = ItemRoute + "/auth-token";
    internal const string PortalSessionsRoute = ItemRoute + "/portal-sessions";

    private static readonly OperationInfo s_create = new("customers.create", "Create customer", HttpMethod.Post, Route);
    private static readonly OperationInfo s_update = new("customers.update", "Update customer", HttpMethod.Patch, ItemRoute);

    /// <summary>Seed 003's body on /api/v1; Paddle's own body, which has no member beyond its own, on Paddle.</summary>
    internal static readonly Dialects<ApiOperation<ICustomersApi, CreateCustomerRequest, Customer>> Create = Dialects<ApiOperation<ICustomersApi, CreateCustomerRequest, Customer>>.Each(
        apiV1: new(
            s_create,
            nameof(CustomersJsonContext.CreateCustomerRequest),
            static () => CustomersJsonContext.Default.Customer,
            CustomerChecks.CreateOnApiV1,
            static (api, request, call, ct) => api.CreateAsync(request, call, ct)),
        paddle: new(
            s_create,
            nameof(CustomersJsonContext.PaddleCustomerBody),
            static () => CustomersJsonContext.Default.Customer,
            CustomerChecks.CreateOnPaddle,
            static (api, request, call, ct) => api.CreateOnPaddleAsync(PaddleCustomerBody.From(request), call, ct)));

    internal static readonly Dialects<ApiOperation<ICustomersApi, CustomerId, Customer>> Get = Dialects<ApiOperation<ICustomersApi, CustomerId, Customer>>.Both(new(
        new OperationInfo("customers.get", "Get customer", HttpMethod.Get, ItemRoute),
        RequestBody: null,
        static () => CustomersJsonContext.Default.Customer,
        CustomerChecks.Id,
        static (api, id, call, ct) => api.GetAsync(id.Value, call, ct)));

    /// <summary>The same body in both dialects (only what the request sets); the dialects differ in what may be set.</summary>
    internal static readonly Dialects<ApiOperation<ICustomersApi, (CustomerId Id, UpdateCustomerRequest Request), Customer>> Update =
        Dialects<ApiOperation<ICustomersApi, (CustomerId Id, UpdateCustomerRequest Request), Customer>>.Each(
            apiV1: new(s_update, nameof(CustomersJsonContext.UpdateCustomerRequest), static () => CustomersJsonContext.Default.Customer, CustomerChecks.UpdateOnApiV1, SendUpdate),
            paddle: new(s_update, nameof(CustomersJsonContext.UpdateCustomerRequest), static () => CustomersJsonContext.Default.Customer, CustomerChecks.UpdateOnPaddle, SendUpdate));

    internal static readonly Dialects<ListOperation<ICustomersApi, CustomerListArgs, Customer>> List = Dialects<ListOperation<ICustomersApi, CustomerListArgs, Customer>>.Both(new(
        new OperationInfo("customers.list", "List customers", HttpMethod.Get, Route),
        static () => CustomersJsonContext.Default.ListBodyCustomer,
        ItemsMember: "customers",
        OwnerMember: null,
        static (api, args, q, call, ct) => api.ListAsync(q.After, q.PerPage, args.OrderBy, args.Status, args.Search, args.Id, args.Email, q.Limit, q.Offset, call, ct),
        static customer => customer.Id.Value));

    /// <summary>Paddle only; the answer is every balance at once (<c>data</c> is the array, no pagination).</summary>
    internal static readonly Dialects<ListOperation<ICustomersApi, (CustomerId Id, string? CurrencyCodes), CustomerCreditBalance>> ListCreditBalances =
        Dialects<ListOperation<ICustomersApi, (CustomerId Id, string? CurrencyCodes), CustomerCreditBalance>>.PaddleOnly(new(
            new OperationInfo("customers.list_credit_balances", "List credit balances for a customer", HttpMethod.Get, CreditBalancesRoute),
            static () => CustomersJsonContext.Default.ListBodyCustomerCreditBalance,
            ItemsMember: ListBody<CustomerCreditBalance>.DataOnly,
            OwnerMember: null,
            static (api, args, _, call, ct) => api.ListCreditBalancesAsync(args.Id.Value, args.CurrencyCodes, call, ct),
            static balance => balance.CurrencyCode ?? string.Empty,
            MaxPageSize: null));

    /// <summary>Paddle only: a new token on every call, so it is never repeated once it may have reached the server, whatever the retry options.</summary>
    internal static readonly Dialects<ApiOperation<ICustomersApi, CustomerId, CustomerAuthToken>> GenerateAuthToken =
        Dialects<ApiOperation<ICustomersApi, CustomerId, CustomerAuthToken>>.PaddleOnly(new(
            new OperationInfo("customers.generate_auth_token", "Generate an authentication token for a customer", HttpMethod.Post, AuthTokenRoute, neverRepeated: true, secretAnswers: true),
            RequestBody: null,
            static () => CustomersJsonContext.Default.CustomerAuthToken,
            CustomerChecks.Id,
            static (api, id, call, ct) => api.GenerateAuthTokenAsync(id.Value, call, ct)));

    /// <summary>Paddle only: a new session on every call, so it is never repeated once it may have reached the server, whatever the retry options.</summary>
    internal static readonly Dialects<ApiOperation<ICustomersApi, (CustomerId Id, IReadOnlyList<string> SubscriptionIds), CustomerPortalSession>> CreatePortalSession =
        Dialects<ApiOperation<ICustomersApi, (CustomerId Id, IReadOnlyList<string> SubscriptionIds), CustomerPortalSession>>.PaddleOnly(new(
            new OperationInfo("customers.create_portal_session", "Create a customer portal session", HttpMethod.Post, PortalSessionsRoute, neverRepeated: true, secretAnswers: true),
            nameof(CustomersJsonContext.PortalSessionBody),
            static () => CustomersJsonContext.Default.CustomerPortalSession,
            CustomerChecks.PortalSession,
            static (api, args, call, ct) => api.CreatePortalSessionAsync(args.Id.Value, new PortalSessionBody(args.SubscriptionIds), call, ct)));

    private static Task<HttpResponseMessage> SendUpdate(ICustomersApi api, (CustomerId Id, UpdateCustomerRequest Request) args, CallContext call, CancellationToken ct) =>
        api.UpdateAsync(args.Id.Value, args.Request, call, ct);
}
