using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Core.Paging;
using CustomerAddresses.Client.Protocol;

namespace CustomerAddresses.Client.BillingAddresses;

/// <summary>The billing address endpoints, each declared once: Wacht's server, the same whatever the client's dialect.</summary>
internal static class BillingAddressOperations
{
    internal const string Route = "organizations/{id}/billing-addresses";
    internal const string ItemRoute = Route + "/{billing_address_id}";

    internal static readonly Dialects<ApiOperation<IBillingAddressesApi, (OrganizationId OrganizationId, AddBillingAddressRequest Request), BillingAddress>> Add =
        Dialects<ApiOperation<IBillingAddressesApi, (OrganizationId OrganizationId, AddBillingAddressRequest Request), BillingAddress>>.Both(new(
            new OperationInfo("billing_addresses.add", "Add billing address", HttpMethod.Post, Route),
            nameof(BillingAddressesJsonContext.AddBillingAddressRequest),
            static () => BillingAddressesJsonContext.Default.BillingAddress,
            BillingAddressChecks.Add,
            static (api, args, call, ct) => api.AddAsync(args.OrganizationId.Value, args.Request, call, ct)));

    /// <summary>The server answers the whole list in one envelope (<c>data</c> is the array): one page, no paging parameters.</summary>
    internal static readonly Dialects<ListOperation<IBillingAddressesApi, OrganizationId, BillingAddress>> List =
        Dialects<ListOperation<IBillingAddressesApi, OrganizationId, BillingAddress>>.Both(new(
            new OperationInfo("billing_addresses.list", "List billing addresses", HttpMethod.Get, Route),
            static () => BillingAddressesJsonContext.Default.ListBodyBillingAddress,
            ItemsMember: "billing_addresses",
            OwnerMember: null,
            static (api, organizationId, _, call, ct) => api.ListAsync(organizationId.Value, call, ct),
            static billing => billing.Id.Value,
            MaxPageSize: null));

    internal static readonly Dialects<ApiOperation<IBillingAddressesApi, (OrganizationId OrganizationId, BillingAddressId Id, ReplaceBillingAddressRequest Request), BillingAddress>> Replace =
        Dialects<ApiOperation<IBillingAddressesApi, (OrganizationId OrganizationId, BillingAddressId Id, ReplaceBillingAddressRequest Request), BillingAddress>>.Both(new(
            new OperationInfo("billing_addresses.replace", "Replace billing address", HttpMethod.Put, ItemRoute),
            nameof(BillingAddressesJsonContext.ReplaceBillingAddressRequest),
            static () => BillingAddressesJsonContext.Default.BillingAddress,
            BillingAddressChecks.Replace,
            static (api, args, call, ct) => api.ReplaceAsync(args.OrganizationId.Value, args.Id.Value, args.Request, call, ct)));

    internal static readonly Dialects<ApiOperation<IBillingAddressesApi, (OrganizationId OrganizationId, BillingAddressId Id), Acknowledgement>> Delete =
        Dialects<ApiOperation<IBillingAddressesApi, (OrganizationId OrganizationId, BillingAddressId Id), Acknowledgement>>.Both(new(
            new OperationInfo("billing_addresses.delete", "Delete billing address", HttpMethod.Delete, ItemRoute),
            RequestBody: null,
            static () => BillingAddressesJsonContext.Default.Acknowledgement,
            BillingAddressChecks.Ids,
            static (api, args, call, ct) => api.DeleteAsync(args.OrganizationId.Value, args.Id.Value, call, ct),
            WhenEmpty: static () => Acknowledgement.Empty));
}
