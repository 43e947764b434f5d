using CustomerAddresses.Client.Protocol;
using Refit;

namespace CustomerAddresses.Client.Addresses;

/// <summary>Address endpoints (seeds 000, 001, 002). Responses are read by the SDK's response reader, never by Refit.</summary>
internal interface IAddressesApi
{
    [Post("/" + AddressOperations.Route)]
    Task<HttpResponseMessage> CreateAsync(
        [AliasAs("customer_id")] string customerId,
        [Body] CreateAddressRequest request,
        [Property(CallContext.OptionName)] CallContext call,
        CancellationToken cancellationToken);

    [Post("/" + AddressOperations.Route)]
    Task<HttpResponseMessage> CreateOnPaddleAsync(
        [AliasAs("customer_id")] string customerId,
        [Body] PaddleAddressBody body,
        [Property(CallContext.OptionName)] CallContext call,
        CancellationToken cancellationToken);

    [Get("/" + AddressOperations.ItemRoute)]
    Task<HttpResponseMessage> GetAsync([AliasAs("customer_id")] string customerId, [AliasAs("address_id")] string addressId, [Property(CallContext.OptionName)] CallContext call, CancellationToken cancellationToken);

    [Patch("/" + AddressOperations.ItemRoute)]
    Task<HttpResponseMessage> UpdateOnPaddleAsync([AliasAs("customer_id")] string customerId, [AliasAs("address_id")] string addressId, [Body] UpdateAddressRequest request, [Property(CallContext.OptionName)] CallContext call, CancellationToken cancellationToken);

    [Patch("/" + AddressOperations.ItemRoute)]
    Task<HttpResponseMessage> UpdateAsync([AliasAs("customer_id")] string customerId, [AliasAs("address_id")] string addressId, [Body] ApiV1AddressPatch request, [Property(CallContext.OptionName)] CallContext call, CancellationToken cancellationToken);

    /// <summary>One page; a null argument is left out of the query string.</summary>
    [Get("/" + AddressOperations.Route)]
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
        [Property(CallContext.OptionName)] CallContext call,
        CancellationToken cancellationToken);
}
