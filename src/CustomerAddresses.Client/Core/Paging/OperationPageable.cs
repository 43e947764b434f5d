using System.Runtime.CompilerServices;
using CustomerAddresses.Client.Protocol;

namespace CustomerAddresses.Client.Core.Paging;

/// <summary>The <see cref="AsyncPageable{T}"/> of a list operation: every enumeration pages afresh through the <see cref="Pager"/>.</summary>
/// <param name="invoker">The send path.</param>
/// <param name="operation">The list endpoint.</param>
/// <param name="api">Its Refit client.</param>
/// <param name="args">The validated owner and filters.</param>
/// <param name="first">The first page's query, from the caller's options.</param>
/// <param name="call">The call every page request carries: the operation, and the caller's request options.</param>
/// <param name="cancellationToken">The list call's token; an enumeration's own token cancels too.</param>
internal sealed class OperationPageable<TApi, TArgs, TItem>(
    OperationInvoker invoker,
    ListOperation<TApi, TArgs, TItem> operation,
    TApi api,
    TArgs args,
    PageQuery first,
    CallContext call,
    CancellationToken cancellationToken) : AsyncPageable<TItem>
    where TItem : class
{
    public override IAsyncEnumerable<Page<TItem>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        if (pageSizeHint is { } hint && operation.MaxPageSize is not { } max)
        {
            throw new ArgumentException($"{operation.Info.Display} answers the whole list at once, so pageSizeHint must be null (it is {hint}).", nameof(pageSizeHint));
        }

        if (pageSizeHint is { } size && (size < 1 || size > operation.MaxPageSize))
        {
            throw new ArgumentOutOfRangeException(nameof(pageSizeHint), size, $"pageSizeHint must be from 1 to {operation.MaxPageSize}.");
        }

        int? perPage = pageSizeHint ?? first.PerPage;
        PageQuery start = continuationToken is null
            ? first with { PerPage = perPage }
            : ContinuationToken.Resume(continuationToken, perPage, nameof(continuationToken));
        return PagesAsync(start);
    }

    private async IAsyncEnumerable<Page<TItem>> PagesAsync(PageQuery start, [EnumeratorCancellation] CancellationToken enumeration = default)
    {
        using CancellationTokenSource? linked = enumeration.CanBeCanceled && cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(enumeration, cancellationToken)
            : null;
        CancellationToken token = linked?.Token ?? (enumeration.CanBeCanceled ? enumeration : cancellationToken);
        await foreach (Page<TItem> page in Pager.PagesAsync(invoker, operation, api, args, start, call, token).ConfigureAwait(false))
        {
            yield return page;
        }
    }
}
