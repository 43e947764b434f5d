using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Protocol;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.BillingAddresses;

/// <summary>The billing address endpoints, each declared once.</summary>
internal static class BillingAddressOperations
{
    internal const string Route = "organizations/{id}/billing-addresses";

    internal static readonly ApiOperation<IBillingAddressesApi, (OrganizationId OrganizationId, AddBillingAddressRequest Request), BillingAddress> Add = new(
        new OperationInfo("billing_addresses.add", "Add billing address", HttpMethod.Post, Route),
        CustomerAddressesJsonContext.Default.AddBillingAddressRequest,
        CustomerAddressesJsonContext.Default.BillingAddress,
        static (api, args, operation, ct) => api.AddAsync(args.OrganizationId.Value, args.Request, operation, ct));
}
