using CustomerAddresses.Client.Protocol;
using Refit;

namespace CustomerAddresses.Client.BillingAddresses;

/// <summary>Organization billing address endpoints (seed 004). Responses are read by the SDK's response reader, never by Refit.</summary>
internal interface IBillingAddressesApi
{
    [Post("/" + BillingAddressOperations.Route)]
    Task<HttpResponseMessage> AddAsync(
        [AliasAs("id")] string organizationId,
        [Body] AddBillingAddressRequest request,
        [Property(OperationInfo.OptionName)] OperationInfo operation,
        CancellationToken cancellationToken);
}
