using System.Runtime.CompilerServices;

namespace CustomerAddresses.Client.Core.Paging;

/// <summary>The <see cref="AsyncPageable{T}"/> of a list operation: every enumeration pages afresh through the <see cref="Pager"/>.</summary>
/// <param name="invoker">The send path.</param>
/// <param name="operation">The list endpoint.</param>
/// <param name="api">Its Refit client.</param>
/// <param name="args">The validated owner and filters.</param>
/// <param name="first">The first page's query, from the caller's options.</param>
/// <param name="maxPageSize">The largest page size the endpoint documents.</param>
/// <param name="cancellationToken">The list call's token; an enumeration's own token cancels too.</param>
internal sealed class OperationPageable<TApi, TArgs, TItem>(
    OperationInvoker invoker,
    ListOperation<TApi, TArgs, TItem> operation,
    TApi api,
    TArgs args,
    PageQuery first,
    int maxPageSize,
    CancellationToken cancellationToken) : AsyncPageable<TItem>
    where TItem : class
{
    public override IAsyncEnumerable<Page<TItem>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        if (pageSizeHint is { } hint && (hint < 1 || hint > maxPageSize))
        {
            throw new ArgumentOutOfRangeException(nameof(pageSizeHint), hint, $"pageSizeHint must be from 1 to {maxPageSize}.");
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
        await foreach (Page<TItem> page in Pager.PagesAsync(invoker, operation, api, args, start, token).ConfigureAwait(false))
        {
            yield return page;
        }
    }
}
