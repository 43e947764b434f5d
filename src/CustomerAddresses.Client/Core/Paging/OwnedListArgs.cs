namespace CustomerAddresses.Client.Core.Paging;

/// <summary>The validated owner and filters of a listing under a customer (its addresses, its businesses), in wire form.</summary>
internal sealed record OwnedListArgs(CustomerId CustomerId, string? OrderBy, string? Status, string? Search, string? Id)
{
    /// <summary>Checks a listing's options, each failure naming its <c>options.</c> member, and returns them in wire form with the first page's query.</summary>
    internal static (OwnedListArgs Args, PageQuery First) From<TStatus, TId>(
        CustomerId customerId,
        (string? After, int? PerPage, SortOrder? Order, string? Search) options,
        IReadOnlyList<TStatus>? statuses,
        Func<TStatus, string> status,
        IReadOnlyList<TId>? ids,
        Func<TId, string> id)
    {
        var args = new OwnedListArgs(
            customerId,
            ListQueryChecks.OrderById(options.Order, "options.Order"),
            ListQueryChecks.CommaSeparated(statuses, status, "options.Statuses"),
            ListQueryChecks.Search(options.Search, "options.Search"),
            ListQueryChecks.CommaSeparated(ids, id, "options.Ids"));
        return (args, PageQuery.First(ListQueryChecks.After(options.After, "options.After"), ListQueryChecks.PerPage(options.PerPage, "options.PerPage")));
    }
}
