using CustomerAddresses.Client.Protocol;
using Refit;

namespace CustomerAddresses.Client.Customers;

/// <summary>Customer endpoints (seed 003). Responses are read by the SDK's response reader, never by Refit.</summary>
internal interface ICustomersApi
{
    [Post("/" + CustomerOperations.Route)]
    Task<HttpResponseMessage> CreateAsync([Body] CreateCustomerRequest request, [Property(CallContext.OptionName)] CallContext call, CancellationToken cancellationToken);

    [Get("/" + CustomerOperations.ItemRoute)]
    Task<HttpResponseMessage> GetAsync([AliasAs("customer_id")] string customerId, [Property(CallContext.OptionName)] CallContext call, CancellationToken cancellationToken);

    [Patch("/" + CustomerOperations.ItemRoute)]
    Task<HttpResponseMessage> UpdateAsync([AliasAs("customer_id")] string customerId, [Body] UpdateCustomerRequest request, [Property(CallContext.OptionName)] CallContext call, CancellationToken cancellationToken);

    /// <summary>One page; a null argument is left out of the query string.</summary>
    [Get("/" + CustomerOperations.Route)]
    Task<HttpResponseMessage> ListAsync(
        [AliasAs("after")] string? after,
        [AliasAs("per_page")] int? perPage,
        [AliasAs("order_by")] string? orderBy,
        [AliasAs("status")] string? status,
        [AliasAs("search")] string? search,
        [AliasAs("id")] string? id,
        [AliasAs("email")] string? email,
        [AliasAs("limit")] int? limit,
        [AliasAs("offset")] int? offset,
        [Property(CallContext.OptionName)] CallContext call,
        CancellationToken cancellationToken);

    [Get("/" + CustomerOperations.CreditBalancesRoute)]
    Task<HttpResponseMessage> ListCreditBalancesAsync(
        [AliasAs("customer_id")] string customerId,
        [AliasAs("currency_code")] string? currencyCode,
        [Property(CallContext.OptionName)] CallContext call,
        CancellationToken cancellationToken);

    /// <summary>No body: Paddle's SDKs send none.</summary>
    [Post("/" + CustomerOperations.AuthTokenRoute)]
    Task<HttpResponseMessage> GenerateAuthTokenAsync([AliasAs("customer_id")] string customerId, [Property(CallContext.OptionName)] CallContext call, CancellationToken cancellationToken);

    [Post("/" + CustomerOperations.PortalSessionsRoute)]
    Task<HttpResponseMessage> CreatePortalSessionAsync([AliasAs("customer_id")] string customerId, [Body] PortalSessionBody body, [Property(CallContext.OptionName)] CallContext call, CancellationToken cancellationToken);

    [Post("/" + CustomerOperations.Route)]
    Task<HttpResponseMessage> CreateOnPaddleAsync([Body] PaddleCustomerBody body, [Property(CallContext.OptionName)] CallContext call, CancellationToken cancellationToken);
}
