using CustomerAddresses.Client.Protocol;
using Refit;

namespace CustomerAddresses.Client.Businesses;

/// <summary>Paddle's business endpoints. Responses are read by the SDK's response reader, never by Refit.</summary>
internal interface IBusinessesApi
{
    [Post("/" + BusinessOperations.Route)]
    Task<HttpResponseMessage> CreateAsync([AliasAs("customer_id")] string customerId, [Body] CreateBusinessRequest request, [Property(CallContext.OptionName)] CallContext call, CancellationToken cancellationToken);

    [Get("/" + BusinessOperations.ItemRoute)]
    Task<HttpResponseMessage> GetAsync([AliasAs("customer_id")] string customerId, [AliasAs("business_id")] string businessId, [Property(CallContext.OptionName)] CallContext call, CancellationToken cancellationToken);

    [Patch("/" + BusinessOperations.ItemRoute)]
    Task<HttpResponseMessage> UpdateAsync([AliasAs("customer_id")] string customerId, [AliasAs("business_id")] string businessId, [Body] UpdateBusinessRequest request, [Property(CallContext.OptionName)] CallContext call, CancellationToken cancellationToken);

    /// <summary>One page; a null argument is left out of the query string.</summary>
    [Get("/" + BusinessOperations.Route)]
    Task<HttpResponseMessage> ListAsync(
        [AliasAs("customer_id")] string customerId,
        [AliasAs("after")] string? after,
        [AliasAs("per_page")] int? perPage,
        [AliasAs("order_by")] string? orderBy,
        [AliasAs("status")] string? status,
        [AliasAs("search")] string? search,
        [AliasAs("id")] string? id,
        [Property(CallContext.OptionName)] CallContext call,
        CancellationToken cancellationToken);
}
