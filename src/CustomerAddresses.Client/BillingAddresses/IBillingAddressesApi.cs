using Refit;

namespace CustomerAddresses.Client.BillingAddresses;

/// <summary>Organization billing address endpoints (seed 004). Responses are read by <see cref="Http.ResponseReader"/>, never by Refit.</summary>
[Headers("Accept: application/json")]
internal interface IBillingAddressesApi
{
    [Post("/organizations/{id}/billing-addresses")]
    Task<HttpResponseMessage> AddAsync(
        [AliasAs("id")] string organizationId,
        [Body] AddBillingAddressRequest request,
        CancellationToken cancellationToken);
}
