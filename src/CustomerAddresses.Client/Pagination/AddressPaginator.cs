using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using CustomerAddresses.Client.Http;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.Pagination;

/// <summary>
/// Pages lazily through both list shapes, holding one page at a time.
/// Cursor envelope: stops on <c>has_more == false</c> (never on <c>next</c>, which the last page carries too);
/// follows <c>next</c> only on the base address's origin, else asks for <c>after</c> = the cursor.
/// Offset body: asks for <c>offset += items</c> with the server's <c>limit</c>; stops on a short or empty page.
/// A page that promises more but is empty, or a cursor that repeats, ends the listing with an
/// <see cref="UnexpectedResponseException"/> instead of looping for ever.
/// </summary>
internal static class AddressPaginator
{
    internal const string Operation = "List addresses (GET customers/{customer_id}/addresses)";
    internal const string TelemetryName = "addresses.list";

    internal static async IAsyncEnumerable<Page<Address>> PagesAsync(
        ApiConnection connection,
        CustomerId customerId,
        AddressListQuery firstQuery,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var step = new Step(firstQuery, null);
        var seenCursors = new HashSet<string>(StringComparer.Ordinal);

        // One activity and one duration for the whole listing, however many pages the caller reads.
        using Activity? activity = ClientTelemetry.StartOperation(TelemetryName);
        long started = Stopwatch.GetTimestamp();
        string? errorType = null;
        int pages = 0;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Page<Address> page;
                Step? next;
                // An iterator resumes in its caller's context: make the listing's activity current for each page, so
                // that the page's HTTP spans are its children and its outcome is tagged on it.
                Activity? callers = Activity.Current;
                Activity.Current = activity ?? callers;
                try
                {
                    (page, next) = await FetchAsync(connection, customerId, step, seenCursors, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    errorType = ClientTelemetry.Failed(activity, e);
                    throw;
                }
                finally
                {
                    Activity.Current = callers;
                }

                pages++;
                ClientTelemetry.PagesFetched.Add(1, new KeyValuePair<string, object?>(ClientTelemetry.OperationTag, TelemetryName));
                activity?.SetTag(ClientTelemetry.PageCountTag, pages);
                yield return page;
                if (next is null)
                {
                    yield break;
                }

                step = next;
            }
        }
        finally
        {
            ClientTelemetry.Record(TelemetryName, started, errorType);
        }
    }

    private static async Task<(Page<Address> Page, Step? Next)> FetchAsync(
        ApiConnection connection,
        CustomerId customerId,
        Step step,
        HashSet<string> seenCursors,
        CancellationToken cancellationToken)
    {
        AddressListQuery q = step.Query;
        using HttpResponseMessage response = step.Link is { } link
            ? await connection.HttpClient.SendAsync(new HttpRequestMessage(HttpMethod.Get, link), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false)
            : await connection.Addresses.ListAsync(customerId.Value, q.After, q.PerPage, q.OrderBy, q.Status, q.Search, q.Id, q.Limit, q.Offset, cancellationToken).ConfigureAwait(false);

        AddressListBody body = await connection.Reader.ReadAddressListAsync(response, Operation, cancellationToken).ConfigureAwait(false);
        string? requestId = connection.Settings.Redactor.Redact(body.Meta?.RequestId ?? ResponseReader.RequestIdHeader(response));
        CustomerId owner = body.CustomerId ?? customerId;
        List<Address> items = body.IsOffsetShape ? body.Addresses ?? [] : body.Data ?? [];
        foreach (Address item in items)
        {
            item.FillMissingCustomerId(owner);
        }

        return body.IsOffsetShape
            ? OffsetStep(connection, response, body, items, q, requestId, seenCursors)
            : CursorStep(connection, response, body, items, q, requestId, seenCursors);
    }

    private static (Page<Address>, Step?) CursorStep(
        ApiConnection connection,
        HttpResponseMessage response,
        AddressListBody body,
        List<Address> items,
        AddressListQuery query,
        string? requestId,
        HashSet<string> seenCursors)
    {
        PaginationMeta? pagination = body.Meta?.Pagination;
        bool hasMore = pagination?.HasMore ?? false;
        if (!hasMore)
        {
            return (new Page<Address>(items, false, null, pagination?.EstimatedTotal, requestId), null);
        }

        if (items.Count == 0)
        {
            throw connection.Reader.Unexpected(response, Operation, "the page says has_more but holds no items, so paging could never end", null, null);
        }

        Uri? link = pagination!.Next is { Length: > 0 } next && Uri.TryCreate(connection.Settings.BaseAddress, next, out Uri? resolved)
            ? resolved
            : null;
        string cursor = (link is null ? null : QueryValue(link, "after")) ?? items[^1].Id.Value;
        if (!seenCursors.Add(cursor))
        {
            throw connection.Reader.Unexpected(response, Operation, $"the server returned the cursor '{ApiCursorForMessage(cursor)}' a second time, so paging could never end", null, null);
        }

        // Credentials never travel to another origin: a foreign link is not followed, the cursor is.
        Step nextStep = link is not null && connection.Settings.IsSameOrigin(link)
            ? new Step(query, link)
            : new Step(query with { After = cursor }, null);
        return (new Page<Address>(items, true, cursor, pagination.EstimatedTotal, requestId), nextStep);
    }

    private static (Page<Address>, Step?) OffsetStep(
        ApiConnection connection,
        HttpResponseMessage response,
        AddressListBody body,
        List<Address> items,
        AddressListQuery query,
        string? requestId,
        HashSet<string> seenCursors)
    {
        if (query.Offset is { } requested && body.Offset is { } returned && requested != returned)
        {
            throw connection.Reader.Unexpected(response, Operation, $"the server answered offset {returned} to a request for offset {requested}", null, null);
        }

        int offset = body.Offset ?? query.Offset ?? 0;
        int? limit = body.Limit ?? query.Limit;
        bool hasMore = items.Count > 0 && limit is > 0 && items.Count >= limit;
        if (!hasMore)
        {
            return (new Page<Address>(items, false, null, null, requestId), null);
        }

        // A server that ignores offset would send the same first item again and again.
        if (!seenCursors.Add("first:" + items[0].Id.Value))
        {
            throw connection.Reader.Unexpected(response, Operation, "the server returned the same page twice, so paging could never end", null, null);
        }

        int nextOffset = checked(offset + items.Count);
        string cursor = AddressListQuery.OffsetCursorPrefix + nextOffset.ToString(CultureInfo.InvariantCulture);
        var nextQuery = query with { After = null, PerPage = null, Limit = limit, Offset = nextOffset };
        return (new Page<Address>(items, true, cursor, null, requestId), new Step(nextQuery, null));
    }

    private static string ApiCursorForMessage(string cursor) => cursor.Length <= 64 ? cursor : cursor[..64] + "…";

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

    /// <summary>The next request: a query for the Refit endpoint, or a same-origin <c>next</c> link to follow.</summary>
    private sealed record Step(AddressListQuery Query, Uri? Link);
}
