using System.Runtime.CompilerServices;

namespace CustomerAddresses.Client;

/// <summary>
/// A listing that the client pages through for you: enumerate it with <c>await foreach</c> for the items, fetched
/// lazily one page at a time, or call <see cref="AsPages"/> for the pages themselves and a token to resume from.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>
/// The same shape as Azure SDK's <c>AsyncPageable&lt;T&gt;</c>. To fake a listing in a test, use
/// <see cref="FromPages"/> or derive from this class.
/// </remarks>
public abstract class AsyncPageable<T> : IAsyncEnumerable<T>
{
    /// <summary>Initializes a new instance; for derived classes and test doubles.</summary>
    protected AsyncPageable()
    {
    }

    /// <summary>Creates a listing over pages you already have; useful to fake a client's list method in your own tests.</summary>
    /// <param name="pages">The pages, in order.</param>
    /// <returns>A listing that yields those pages (and their items) on every enumeration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pages"/> is <see langword="null"/>.</exception>
    public static AsyncPageable<T> FromPages(IEnumerable<Page<T>> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return new StaticPageable(pages.ToArray());
    }

    /// <summary>Enumerates the listing page by page.</summary>
    /// <param name="continuationToken">
    /// A <see cref="Page{T}.ContinuationToken"/> from an earlier enumeration of the same listing, to resume after
    /// that page; <see langword="null"/> to start at the beginning.
    /// </param>
    /// <param name="pageSizeHint">How many items to ask for per page; <see langword="null"/> for the listing's own setting.</param>
    /// <returns>The pages, fetched lazily.</returns>
    /// <exception cref="ArgumentException">The token is not one this client issued, or the page size is out of range; thrown by this call, before any request.</exception>
    public abstract IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null);

    /// <summary>Enumerates the items of every page, fetching each page when the enumeration reaches it.</summary>
    /// <param name="cancellationToken">Cancels the listing, including a page request under way.</param>
    /// <returns>The enumerator.</returns>
    public virtual async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (Page<T> page in AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (T item in page.Items)
            {
                yield return item;
            }
        }
    }

    private sealed class StaticPageable(Page<T>[] pages) : AsyncPageable<T>
    {
        public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            int start = 0;
            if (continuationToken is not null)
            {
                start = Array.FindIndex(pages, p => p.ContinuationToken == continuationToken) + 1;
                if (start == 0)
                {
                    throw new ArgumentException("The continuation token is not one of these pages'.", nameof(continuationToken));
                }
            }

            return Yield(pages, start);
        }

        private static async IAsyncEnumerable<Page<T>> Yield(Page<T>[] pages, int start, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            for (int i = start; i < pages.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
                yield return pages[i];
            }
        }
    }
}
