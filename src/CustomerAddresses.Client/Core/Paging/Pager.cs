using System.Diagnostics;
using System.Runtime.CompilerServices;
using CustomerAddresses.Client.Diagnostics;
using CustomerAddresses.Client.Protocol;

namespace CustomerAddresses.Client.Core.Paging;

/// <summary>
/// The one pager of every list: fetches pages lazily through the <see cref="OperationInvoker"/>, holding one at a time,
/// and lets the shape of each answer pick its rules (<see cref="CursorPaging"/> or <see cref="OffsetPaging"/>).
/// One activity and one duration measure the whole listing, however many pages the caller reads.
/// </summary>
internal static class Pager
{
    internal static async IAsyncEnumerable<Page<TItem>> PagesAsync<TApi, TArgs, TItem>(
        OperationInvoker invoker,
        ListOperation<TApi, TArgs, TItem> operation,
        TApi api,
        TArgs args,
        PageQuery first,
        CallContext call,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TItem : class
    {
        var request = new PageRequest(first, null);
        var state = new PagingState();
        string name = operation.Info.Name;
        using Activity? activity = ClientTelemetry.StartOperation(name);
        long started = Stopwatch.GetTimestamp();
        string? errorType = null;
        int pages = 0;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Page<TItem> page;
                PageRequest? next;

                // An iterator resumes in its caller's context: make the listing's activity current for each page, so
                // that the page's HTTP spans are its children and its outcome is tagged on it.
                Activity? callers = Activity.Current;
                Activity.Current = activity ?? callers;
                try
                {
                    (page, next) = await FetchAsync(invoker, operation, api, args, request, call, state, cancellationToken).ConfigureAwait(false);
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
                ClientTelemetry.PagesFetched.Add(1, new KeyValuePair<string, object?>(ClientTelemetry.OperationTag, name));
                activity?.SetTag(ClientTelemetry.PageCountTag, pages);
                yield return page;
                if (next is null)
                {
                    yield break;
                }

                request = next;
            }
        }
        finally
        {
            ClientTelemetry.Record(name, started, errorType);
        }
    }

    private static async Task<(Page<TItem> Page, PageRequest? Next)> FetchAsync<TApi, TArgs, TItem>(
        OperationInvoker invoker,
        ListOperation<TApi, TArgs, TItem> operation,
        TApi api,
        TArgs args,
        PageRequest request,
        CallContext call,
        PagingState state,
        CancellationToken cancellationToken)
        where TItem : class
    {
        using HttpResponseMessage response = request.Link is { } link
            ? await invoker.SendLinkAsync(call, link, cancellationToken).ConfigureAwait(false)
            : await operation.Send(api, args, request.Query, call, cancellationToken).ConfigureAwait(false);

        ListEnvelope<TItem> list = await invoker.Reader
            .ReadListAsync(response, operation.Body(), operation.ItemsMember, operation.OwnerMember, operation.Info, cancellationToken)
            .ConfigureAwait(false);
        if (operation.Complete is { } complete)
        {
            foreach (TItem item in list.Items)
            {
                complete(item, list.Owner, args);
            }
        }

        var page = new ApiResponse(
            response.StatusCode, invoker.RequestIdOf(response, list.RequestId), OperationInvoker.ClientRequestIdOf(response), response.Headers, response.Content?.Headers);
        try
        {
            return list.IsOffsetShape
                ? OffsetPaging.Next(list, request.Query, page, state, operation.CursorOf)
                : CursorPaging.Next(list, request.Query, page, state, operation.CursorOf, response.RequestMessage?.RequestUri ?? invoker.Settings.BaseAddress, invoker.Settings.IsSameOrigin);
        }
        catch (PagingException e)
        {
            throw invoker.Reader.Unexpected(response, operation.Info, e.Message, null, null);
        }
    }
}
