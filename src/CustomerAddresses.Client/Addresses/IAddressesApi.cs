using Refit;

namespace CustomerAddresses.Client.Addresses;

/// <summary>Address endpoints (seeds 000, 001, 002). Responses are read by <see cref="Http.ResponseReader"/>, never by Refit.</summary>
[Headers("Accept: application/json")]
internal interface IAddressesApi
{
    [Post("/customers/{customer_id}/addresses")]
    Task<HttpResponseMessage> CreateAsync(
        [AliasAs("customer_id")] string customerId,
        [Body] CreateAddressRequest request,
        CancellationToken cancellationToken);

    /// <summary>One page; a null argument is left out of the query string.</summary>
    [Get("/customers/{customer_id}/addresses")]
    Task<HttpResponseMessage> ListAsync(
        [AliasAs("customer_id")] string customerId,
        [AliasAs("after")] string? after,
        [AliasAs("per_page")] int? perPage,
        [AliasAs("order_by")] string? orderBy,
        [AliasAs("status")] string? status,
        [AliasAs("search")] string? search,
        [AliasAs("id")] string? id,
        [AliasAs("limit")] int? limit,
        [AliasAs("offset")] int? offset,
        CancellationToken cancellationToken);
}
