using CustomerAddresses.Client.Protocol;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client.Core.Paging;

/// <summary>
/// The cursor envelope's rules (seed 002): stop on <c>has_more == false</c>, never on <c>next</c> (the last page has one
/// too); follow <c>next</c> (resolved against the list's own URL) only when it stays on the base address's origin and on
/// the list endpoint's own path, else ask that path for <c>after</c> = the cursor, so credentials never go to another
/// path and items are never taken from another list; a page that promises more but is empty, or a cursor that repeats,
/// is a <see cref="PagingException"/>.
/// </summary>
internal static class CursorPaging
{
    /// <param name="list">The page as read.</param>
    /// <param name="query">The query that asked for it.</param>
    /// <param name="response">What the server said about the page's request (its request id already redacted).</param>
    /// <param name="state">What the listing has seen.</param>
    /// <param name="cursorOf">The item's cursor (its id), used when <c>next</c> names none.</param>
    /// <param name="listUri">The URL this page was asked for: relative links are resolved against it, and a link is followed only to its path.</param>
    /// <param name="isSameOrigin">Whether a link may carry the credentials.</param>
    internal static (Page<T> Page, PageRequest? Next) Next<T>(
        ListEnvelope<T> list,
        PageQuery query,
        ApiResponse? response,
        PagingState state,
        Func<T, string> cursorOf,
        Uri listUri,
        Func<Uri, bool> isSameOrigin)
    {
        if (!list.HasMore)
        {
            return (new Page<T>(list.Items, false, null, list.EstimatedTotal, response), null);
        }

        if (list.Items.Count == 0)
        {
            throw new PagingException("the page says has_more but holds no items, so paging could never end");
        }

        Uri? link = list.Next is { Length: > 0 } next && Uri.TryCreate(listUri, next, out Uri? resolved) ? resolved : null;
        string cursor = (link is null ? null : QueryValue(link, "after")) ?? cursorOf(list.Items[^1]);
        if (!state.FirstTime(cursor))
        {
            throw new PagingException($"the server returned the cursor {Echo.Quote(cursor)} a second time, so paging could never end");
        }

        // Credentials never travel to another origin or path: such a link is not followed, the cursor is.
        PageRequest nextRequest = link is not null && isSameOrigin(link)
            && string.Equals(link.AbsolutePath, listUri.AbsolutePath, StringComparison.Ordinal)
            ? new PageRequest(query, link)
            : new PageRequest(query with { After = cursor }, null);
        return (new Page<T>(list.Items, true, ContinuationToken.ForCursor(cursor), list.EstimatedTotal, response), nextRequest);
    }

    /// <summary>The decoded value of one query parameter of <paramref name="uri"/>, or null.</summary>
    internal static string? QueryValue(Uri uri, string name)
    {
        foreach (string pair in uri.Query.TrimStart('?').Split('&'))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string key = equals < 0 ? pair : pair[..equals];
            if (key == name)
            {
                string value = Uri.UnescapeDataString(equals < 0 ? string.Empty : pair[(equals + 1)..].Replace('+', ' '));
                return value.Length == 0 ? null : value;
            }
        }

        return null;
    }
}
