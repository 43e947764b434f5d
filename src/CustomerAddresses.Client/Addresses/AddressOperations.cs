using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Core.Paging;
using CustomerAddresses.Client.Protocol;

namespace CustomerAddresses.Client.Addresses;

/// <summary>The address endpoints, each declared once.</summary>
internal static class AddressOperations
{
    internal const string Route = "customers/{customer_id}/addresses";
    internal const string ItemRoute = Route + "/{address_id}";

    internal static readonly ApiOperation<IAddressesApi, (CustomerId CustomerId, AddressId Id), Address> Get = new(
        new OperationInfo("addresses.get", "Get address", HttpMethod.Get, ItemRoute),
        RequestBody: null,
        AddressesJsonContext.Default.Address,
        static (api, args, operation, ct) => api.GetAsync(args.CustomerId.Value, args.Id.Value, operation, ct),
        static (address, args) => address.FillMissingCustomerId(args.CustomerId));

    internal static readonly ApiOperation<IAddressesApi, (CustomerId CustomerId, AddressId Id, ApiV1AddressPatch Request), Address> Update = new(
        new OperationInfo("addresses.update", "Update address", HttpMethod.Patch, ItemRoute),
        AddressesJsonContext.Default.ApiV1AddressPatch,
        AddressesJsonContext.Default.Address,
        static (api, args, operation, ct) => api.UpdateAsync(args.CustomerId.Value, args.Id.Value, args.Request, operation, ct),
        static (address, args) => address.FillMissingCustomerId(args.CustomerId));

    /// <summary>The same endpoint in Paddle's body: <c>country_code</c> and the lines and postal code.</summary>
    internal static readonly ApiOperation<IAddressesApi, (CustomerId CustomerId, AddressId Id, UpdateAddressRequest Request), Address> UpdateOnPaddle = new(
        Update.Info,
        AddressesJsonContext.Default.UpdateAddressRequest,
        AddressesJsonContext.Default.Address,
        static (api, args, operation, ct) => api.UpdateOnPaddleAsync(args.CustomerId.Value, args.Id.Value, args.Request, operation, ct),
        static (address, args) => address.FillMissingCustomerId(args.CustomerId));

    internal static readonly ApiOperation<IAddressesApi, (CustomerId CustomerId, CreateAddressRequest Request), Address> Create = new(
        new OperationInfo("addresses.create", "Create address", HttpMethod.Post, Route),
        AddressesJsonContext.Default.CreateAddressRequest,
        AddressesJsonContext.Default.Address,
        static (api, args, operation, ct) => api.CreateAsync(args.CustomerId.Value, args.Request, operation, ct),
        static (address, args) => address.FillMissingCustomerId(args.CustomerId));

    /// <summary>The same endpoint in Paddle's body: <c>country_code</c>, and no member beyond its own.</summary>
    internal static readonly ApiOperation<IAddressesApi, (CustomerId CustomerId, PaddleAddressBody Body), Address> CreateOnPaddle = new(
        Create.Info,
        AddressesJsonContext.Default.PaddleAddressBody,
        AddressesJsonContext.Default.Address,
        static (api, args, operation, ct) => api.CreateOnPaddleAsync(args.CustomerId.Value, args.Body, operation, ct),
        static (address, args) => address.FillMissingCustomerId(args.CustomerId));

    internal static readonly ListOperation<IAddressesApi, AddressListArgs, Address> List = new(
        new OperationInfo("addresses.list", "List addresses", HttpMethod.Get, Route),
        AddressesJsonContext.Default.ListBodyAddress,
        ItemsMember: "addresses",
        OwnerMember: "customer_id",
        static (api, args, q, operation, ct) => api.ListAsync(args.CustomerId.Value, q.After, q.PerPage, args.OrderBy, args.Status, args.Search, args.Id, q.Limit, q.Offset, operation, ct),
        static address => address.Id.Value,
        static (address, owner, args) => address.FillMissingCustomerId(CustomerId.TryParse(owner, out CustomerId id) ? id : args.CustomerId));
}

/// <summary>The validated owner and filters of an address listing, in wire form.</summary>
internal sealed record AddressListArgs(CustomerId CustomerId, string? OrderBy, string? Status, string? Search, string? Id)
{
    internal static (AddressListArgs Args, PageQuery First) From(CustomerId customerId, ListAddressesOptions? options)
    {
        options ??= new ListAddressesOptions();
        var args = new AddressListArgs(
            customerId,
            ListQueryChecks.OrderById(options.Order, "options.Order"),
            ListQueryChecks.CommaSeparated(options.Statuses, static s => s.Value, "options.Statuses"),
            ListQueryChecks.Search(options.Search, "options.Search"),
            ListQueryChecks.CommaSeparated(options.Ids, static id => id.Value, "options.Ids"));
        return (args, PageQuery.First(ListQueryChecks.After(options.After, "options.After"), ListQueryChecks.PerPage(options.PerPage, "options.PerPage")));
    }
}
