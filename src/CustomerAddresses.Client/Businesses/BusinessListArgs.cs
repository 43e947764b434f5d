using CustomerAddresses.Client.Core.Paging;

namespace CustomerAddresses.Client.Businesses;

/// <summary>The validated owner and filters of a business listing, in wire form.</summary>
internal static class BusinessListArgs
{
    internal static (OwnedListArgs Args, PageQuery First) From(CustomerId customerId, ListBusinessesOptions? options)
    {
        options ??= new ListBusinessesOptions();
        return OwnedListArgs.From(customerId, (options.After, options.PerPage, options.Order, options.Search), options.Statuses, static s => s.Value, options.Ids, static id => id.Value);
    }
}
