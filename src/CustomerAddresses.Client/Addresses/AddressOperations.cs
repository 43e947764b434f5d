using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Core.Paging;
using CustomerAddresses.Client.Protocol;

namespace CustomerAddresses.Client.Addresses;

/// <summary>The address endpoints, each declared once, with its variant in each dialect.</summary>
internal static class AddressOperations
{
    internal const string Route = "customers/{customer_id}/addresses";
    internal const string ItemRoute = Route + "/{address_id}";

    private static readonly OperationInfo s_create = new("addresses.create", "Create address", HttpMethod.Post, Route);
    private static readonly OperationInfo s_update = new("addresses.update", "Update address", HttpMethod.Patch, ItemRoute);

    /// <summary>Seed 000's body (<c>country</c>) on /api/v1; Paddle's (<c>country_code</c>, no member beyond its own) on Paddle.</summary>
    internal static readonly Dialects<ApiOperation<IAddressesApi, (CustomerId CustomerId, CreateAddressRequest Request), Address>> Create =
        Dialects<ApiOperation<IAddressesApi, (CustomerId CustomerId, CreateAddressRequest Request), Address>>.Each(
            apiV1: new(
                s_create,
                nameof(AddressesJsonContext.CreateAddressRequest),
                static () => AddressesJsonContext.Default.Address,
                AddressChecks.CreateOnApiV1,
                static (api, args, call, ct) => api.CreateAsync(args.CustomerId.Value, args.Request, call, ct),
                static (address, args) => address.FillMissingCustomerId(args.CustomerId)),
            paddle: new(
                s_create,
                nameof(AddressesJsonContext.PaddleAddressBody),
                static () => AddressesJsonContext.Default.Address,
                AddressChecks.CreateOnPaddle,
                static (api, args, call, ct) => api.CreateOnPaddleAsync(args.CustomerId.Value, PaddleAddressBody.From(args.Request), call, ct),
                static (address, args) => address.FillMissingCustomerId(args.CustomerId)));

    internal static readonly Dialects<ApiOperation<IAddressesApi, (CustomerId CustomerId, AddressId Id), Address>> Get =
        Dialects<ApiOperation<IAddressesApi, (CustomerId CustomerId, AddressId Id), Address>>.Both(new(
            new OperationInfo("addresses.get", "Get address", HttpMethod.Get, ItemRoute),
            RequestBody: null,
            static () => AddressesJsonContext.Default.Address,
            AddressChecks.Ids,
            static (api, args, call, ct) => api.GetAsync(args.CustomerId.Value, args.Id.Value, call, ct),
            static (address, args) => address.FillMissingCustomerId(args.CustomerId)));

    /// <summary>Seed 000's members (<c>country</c>) on /api/v1; Paddle's (<c>country_code</c>, the lines and postal code) on Paddle.</summary>
    internal static readonly Dialects<ApiOperation<IAddressesApi, (CustomerId CustomerId, AddressId Id, UpdateAddressRequest Request), Address>> Update =
        Dialects<ApiOperation<IAddressesApi, (CustomerId CustomerId, AddressId Id, UpdateAddressRequest Request), Address>>.Each(
            apiV1: new(
                s_update,
                nameof(AddressesJsonContext.ApiV1AddressPatch),
                static () => AddressesJsonContext.Default.Address,
                AddressChecks.UpdateOnApiV1,
                static (api, args, call, ct) => api.UpdateAsync(args.CustomerId.Value, args.Id.Value, ApiV1AddressPatch.From(args.Request), call, ct),
                static (address, args) => address.FillMissingCustomerId(args.CustomerId)),
            paddle: new(
                s_update,
                nameof(AddressesJsonContext.UpdateAddressRequest),
                static () => AddressesJsonContext.Default.Address,
                AddressChecks.UpdateOnPaddle,
                static (api, args, call, ct) => api.UpdateOnPaddleAsync(args.CustomerId.Value, args.Id.Value, args.Request, call, ct),
                static (address, args) => address.FillMissingCustomerId(args.CustomerId)));

    internal static readonly Dialects<ListOperation<IAddressesApi, OwnedListArgs, Address>> List = Dialects<ListOperation<IAddressesApi, OwnedListArgs, Address>>.Both(new(
        new OperationInfo("addresses.list", "List addresses", HttpMethod.Get, Route),
        static () => AddressesJsonContext.Default.ListBodyAddress,
        ItemsMember: "addresses",
        OwnerMember: "customer_id",
        static (api, args, q, call, ct) => api.ListAsync(args.CustomerId.Value, q.After, q.PerPage, args.OrderBy, args.Status, args.Search, args.Id, q.Limit, q.Offset, call, ct),
        static address => address.Id.Value,
        static (address, owner, args) => address.FillMissingCustomerId(CustomerId.TryParse(owner, out CustomerId id) ? id : args.CustomerId)));
}
