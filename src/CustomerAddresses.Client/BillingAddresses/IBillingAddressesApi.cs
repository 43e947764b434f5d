using CustomerAddresses.Client.Protocol;
using Refit;

namespace CustomerAddresses.Client.BillingAddresses;

/// <summary>Organization billing address endpoints (seed 004 and Wacht's server). Responses are read by the SDK's response reader, never by Refit.</summary>
internal interface IBillingAddressesApi
{
    [Post("/" + BillingAddressOperations.Route)]
    Task<HttpResponseMessage> AddAsync(
        [AliasAs("id")] string organizationId,
        [Body] AddBillingAddressRequest request,
        [Property(CallContext.OptionName)] CallContext call,
        CancellationToken cancellationToken);

    [Get("/" + BillingAddressOperations.Route)]
    Task<HttpResponseMessage> ListAsync([AliasAs("id")] string organizationId, [Property(CallContext.OptionName)] CallContext call, CancellationToken cancellationToken);

    [Put("/" + BillingAddressOperations.ItemRoute)]
    Task<HttpResponseMessage> ReplaceAsync(
        [AliasAs("id")] string organizationId,
        [AliasAs("billing_address_id")] string billingAddressId,
        [Body] ReplaceBillingAddressRequest request,
        [Property(CallContext.OptionName)] CallContext call,
        CancellationToken cancellationToken);

    [Delete("/" + BillingAddressOperations.ItemRoute)]
    Task<HttpResponseMessage> DeleteAsync(
        [AliasAs("id")] string organizationId,
        [AliasAs("billing_address_id")] string billingAddressId,
        [Property(CallContext.OptionName)] CallContext call,
        CancellationToken cancellationToken);
}
