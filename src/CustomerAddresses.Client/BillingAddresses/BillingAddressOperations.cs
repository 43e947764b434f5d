using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Core.Paging;
using CustomerAddresses.Client.Protocol;

namespace CustomerAddresses.Client.BillingAddresses;

/// <summary>The billing address endpoints, each declared once.</summary>
internal static class BillingAddressOperations
{
    internal const string Route = "organizations/{id}/billing-addresses";
    internal const string ItemRoute = Route + "/{billing_address_id}";

    internal static readonly ApiOperation<IBillingAddressesApi, (OrganizationId OrganizationId, AddBillingAddressRequest Request), BillingAddress> Add = new(
        new OperationInfo("billing_addresses.add", "Add billing address", HttpMethod.Post, Route),
        BillingAddressesJsonContext.Default.AddBillingAddressRequest,
        BillingAddressesJsonContext.Default.BillingAddress,
        static (api, args, operation, ct) => api.AddAsync(args.OrganizationId.Value, args.Request, operation, ct));

    /// <summary>The server answers the whole list in one envelope (<c>data</c> is the array): one page, no paging parameters.</summary>
    internal static readonly ListOperation<IBillingAddressesApi, OrganizationId, BillingAddress> List = new(
        new OperationInfo("billing_addresses.list", "List billing addresses", HttpMethod.Get, Route),
        BillingAddressesJsonContext.Default.ListBodyBillingAddress,
        ItemsMember: "billing_addresses",
        OwnerMember: null,
        static (api, organizationId, _, operation, ct) => api.ListAsync(organizationId.Value, operation, ct),
        static billing => billing.Id.Value,
        MaxPageSize: null);

    internal static readonly ApiOperation<IBillingAddressesApi, (OrganizationId OrganizationId, BillingAddressId Id, ReplaceBillingAddressRequest Request), BillingAddress> Replace = new(
        new OperationInfo("billing_addresses.replace", "Replace billing address", HttpMethod.Put, ItemRoute),
        BillingAddressesJsonContext.Default.ReplaceBillingAddressRequest,
        BillingAddressesJsonContext.Default.BillingAddress,
        static (api, args, operation, ct) => api.ReplaceAsync(args.OrganizationId.Value, args.Id.Value, args.Request, operation, ct));

    internal static readonly ApiOperation<IBillingAddressesApi, (OrganizationId OrganizationId, BillingAddressId Id), Acknowledgement> Delete = new(
        new OperationInfo("billing_addresses.delete", "Delete billing address", HttpMethod.Delete, ItemRoute),
        RequestBody: null,
        BillingAddressesJsonContext.Default.Acknowledgement,
        static (api, args, operation, ct) => api.DeleteAsync(args.OrganizationId.Value, args.Id.Value, operation, ct),
        WhenEmpty: static () => Acknowledgement.Empty);
}
