namespace CustomerAddresses.Client.Core.Paging;

/// <summary>
/// The paging part of one list request, in wire form (null members are left out of the URL): a cursor
/// (<c>after</c>, <c>per_page</c>) or an offset (<c>limit</c>, <c>offset</c>). Filters belong to the operation's arguments.
/// </summary>
internal sealed record PageQuery(string? After, int? PerPage, int? Limit, int? Offset)
{
    internal static PageQuery First(string? after, int? perPage) => new(after, perPage, null, null);
}

/// <summary>The next request of a listing: a query for the operation's Refit method, or a <c>next</c> link to follow.</summary>
internal sealed record PageRequest(PageQuery Query, Uri? Link);

/// <summary>A page that breaks the paging rules; the pager reports it as an <see cref="UnexpectedResponseException"/>.</summary>
internal sealed class PagingException(string problem) : Exception(problem);
