using System.Runtime.CompilerServices;

namespace CustomerAddresses.Client.Core.Paging;

/// <summary>The <see cref="AsyncPageable{T}"/> of a list operation: every enumeration pages afresh through the <see cref="Pager"/>.</summary>
internal sealed class OperationPageable<TApi, TArgs, TItem> : AsyncPageable<TItem>
    where TItem : class
{
    private readonly OperationInvoker _invoker;
    private readonly ListOperation<TApi, TArgs, TItem> _operation;
    private readonly TApi _api;
    private readonly TArgs _args;
    private readonly PageQuery _first;
    private readonly int _maxPageSize;
    private readonly CancellationToken _cancellationToken;

    /// <param name="invoker">The send path.</param>
    /// <param name="operation">The list endpoint.</param>
    /// <param name="api">Its Refit client.</param>
    /// <param name="args">The validated owner and filters.</param>
    /// <param name="first">The first page's query, from the caller's options.</param>
    /// <param name="maxPageSize">The largest page size the endpoint documents.</param>
    /// <param name="cancellationToken">The list call's token; an enumeration's own token cancels too.</param>
    internal OperationPageable(OperationInvoker invoker, ListOperation<TApi, TArgs, TItem> operation, TApi api, TArgs args, PageQuery first, int maxPageSize, CancellationToken cancellationToken)
    {
        _invoker = invoker;
        _operation = operation;
        _api = api;
        _args = args;
        _first = first;
        _maxPageSize = maxPageSize;
        _cancellationToken = cancellationToken;
    }

    public override IAsyncEnumerable<Page<TItem>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        if (pageSizeHint is { } hint && (hint < 1 || hint > _maxPageSize))
        {
            throw new ArgumentOutOfRangeException(nameof(pageSizeHint), hint, $"pageSizeHint must be from 1 to {_maxPageSize}.");
        }

        int? perPage = pageSizeHint ?? _first.PerPage;
        PageQuery first = continuationToken is null
            ? _first with { PerPage = perPage }
            : ContinuationToken.Resume(continuationToken, perPage, nameof(continuationToken));
        return PagesAsync(first);
    }

    private async IAsyncEnumerable<Page<TItem>> PagesAsync(PageQuery first, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using CancellationTokenSource? linked = cancellationToken.CanBeCanceled && _cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cancellationToken)
            : null;
        CancellationToken token = linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : _cancellationToken);
        await foreach (Page<TItem> page in Pager.PagesAsync(_invoker, _operation, _api, _args, first, token).ConfigureAwait(false))
        {
            yield return page;
        }
    }
}
