using CustomerAddresses.Client.Core.Paging;

namespace CustomerAddresses.Client.Addresses;

/// <summary>The validated owner and filters of an address listing, in wire form.</summary>
internal static class AddressListArgs
{
    internal static (OwnedListArgs Args, PageQuery First) From(CustomerId customerId, ListAddressesOptions? options)
    {
        options ??= new ListAddressesOptions();
        return OwnedListArgs.From(customerId, (options.After, options.PerPage, options.Order, options.Search), options.Statuses, static s => s.Value, options.Ids, static id => id.Value);
    }
}
