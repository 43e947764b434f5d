using CustomerAddresses.Client.Protocol;

namespace CustomerAddresses.Client.Core.Paging;

/// <summary>
/// The offset body's rules (seed 001): the next page is <c>offset += items</c> with the server's <c>limit</c>; a short or
/// empty page is the last; a server that answers another offset than asked, or the same page twice, is a
/// <see cref="PagingException"/>.
/// </summary>
internal static class OffsetPaging
{
    internal static (Page<T> Page, PageRequest? Next) Next<T>(ListEnvelope<T> list, PageQuery query, ApiResponse? response, PagingState state, Func<T, string> cursorOf)
    {
        if (query.Offset is { } requested && list.Offset is { } returned && requested != returned)
        {
            throw new PagingException($"the server answered offset {returned} to a request for offset {requested}");
        }

        int offset = list.Offset ?? query.Offset ?? 0;
        int? limit = list.Limit ?? query.Limit;
        bool hasMore = list.Items.Count > 0 && limit is > 0 && list.Items.Count >= limit;
        if (!hasMore)
        {
            return (new Page<T>(list.Items, false, null, null, response), null);
        }

        // A server that ignores offset would send the same first item again and again.
        if (!state.FirstTime("first:" + cursorOf(list.Items[0])))
        {
            throw new PagingException("the server returned the same page twice, so paging could never end");
        }

        long nextOffset = (long)offset + list.Items.Count;
        if (offset < 0 || nextOffset > int.MaxValue)
        {
            throw new PagingException($"the server's offset {offset} cannot be continued");
        }

        var nextQuery = query with { After = null, PerPage = null, Limit = limit, Offset = (int)nextOffset };
        return (new Page<T>(list.Items, true, ContinuationToken.ForOffset((int)nextOffset), null, response), new PageRequest(nextQuery, null));
    }
}
