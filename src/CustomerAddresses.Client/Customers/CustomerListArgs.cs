using CustomerAddresses.Client.Core.Paging;

namespace CustomerAddresses.Client.Customers;

/// <summary>The validated filters of a customer listing, in wire form.</summary>
internal sealed record CustomerListArgs(string? OrderBy, string? Status, string? Search, string? Id, string? Email)
{
    internal static (CustomerListArgs Args, PageQuery First) From(ListCustomersOptions? options)
    {
        options ??= new ListCustomersOptions();
        var args = new CustomerListArgs(
            ListQueryChecks.OrderById(options.Order, "options.Order"),
            ListQueryChecks.CommaSeparated(options.Statuses, static s => s.Value, "options.Statuses"),
            ListQueryChecks.Search(options.Search, "options.Search"),
            ListQueryChecks.CommaSeparated(options.Ids, static id => id.Value, "options.Ids"),
            ListQueryChecks.CommaSeparated(options.Emails, static email => email, "options.Emails"));
        return (args, PageQuery.First(ListQueryChecks.After(options.After, "options.After"), ListQueryChecks.PerPage(options.PerPage, "options.PerPage")));
    }
}
