using CustomerAddresses.Client.Core.Paging;

namespace CustomerAddresses.Client.Addresses;

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
