namespace CustomerAddresses.Client;

/// <summary>One page of a list, as the server returned it.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T>
{
    /// <summary>Initializes a new page; useful to fake a listing in your own tests (see <see cref="AsyncPageable{T}.FromPages"/>).</summary>
    /// <param name="items">The items of the page.</param>
    /// <param name="hasMore">Whether another page follows.</param>
    /// <param name="continuationToken">The token of the next page, when <paramref name="hasMore"/> is <see langword="true"/>.</param>
    /// <param name="estimatedTotal">The server's estimate of the total number of items, if it gave one.</param>
    /// <param name="response">What the server said about the request that returned this page (for a test, <see cref="CustomerAddressesModelFactory.Response"/>).</param>
    public Page(IReadOnlyList<T> items, bool hasMore, string? continuationToken = null, int? estimatedTotal = null, ApiResponse? response = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
        HasMore = hasMore;
        ContinuationToken = continuationToken;
        EstimatedTotal = estimatedTotal;
        Response = response;
    }

    /// <summary>Gets the items of this page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>Gets whether another page follows.</summary>
    public bool HasMore { get; }

    /// <summary>
    /// Gets an opaque token for the page after this one, or <see langword="null"/> on the last page. Pass it to
    /// <see cref="AsyncPageable{T}.AsPages"/> of the same listing (same filters) to resume later, even in another
    /// process. Its format is not part of the contract: store it, do not build or parse it.
    /// </summary>
    public string? ContinuationToken { get; }

    /// <summary>Gets the server's estimate of the total number of items, if it gave one.</summary>
    public int? EstimatedTotal { get; }

    /// <summary>Gets the server's id for the request that returned this page, if it gave one (<see cref="Response"/>'s).</summary>
    public string? RequestId => Response?.RequestId;

    /// <summary>Gets what the server said about the request that returned this page: status, request ids, headers. Null only on a page made by hand.</summary>
    public ApiResponse? Response { get; }
}
