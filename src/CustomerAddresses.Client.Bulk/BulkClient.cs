using System.Runtime.CompilerServices;

namespace CustomerAddresses.Client.Bulk;

/// <summary>
/// Moves many customers with their addresses and businesses over a <see cref="CustomerAddressesClient"/>: imports rows
/// with nothing lost and nothing duplicated across crashes and re-runs, and exports every customer with what it owns as a
/// stream. It sends
/// through that client (its public API only), so the client's retries, timeouts and rate limit
/// (<see cref="CustomerAddressesRateLimitOptions.RequestsPerMinute"/>, or
/// <see cref="CustomerAddressesRateLimitOptions.LearnFromServer"/>) apply, and a test double of the client serves it too.
/// Thread-safe.
/// </summary>
public class BulkClient
{
    private readonly CustomerAddressesClient? _client;

    /// <summary>Creates a bulk client over <paramref name="client"/>, which stays the caller's to dispose.</summary>
    /// <param name="client">The client to send through.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    public BulkClient(CustomerAddressesClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <summary>Initializes an instance for a test double; only overridden methods may be called on it.</summary>
    protected BulkClient()
    {
    }

    /// <summary>
    /// Imports rows: a customer per email (an existing one is used, never duplicated), and each row's address and business
    /// unless the customer already has an active one identical in every imported member. Importing the same rows again changes nothing. The
    /// journal (<see cref="BulkImportOptions.JournalPath"/>) makes a run that was killed at any instant resumable, and
    /// matches rows by their content: run it again with the rows (edited, reordered, some added or removed) and it
    /// imports what is new, skips what it did, and says what changed (<see cref="BulkProgress.RowsChanged"/>,
    /// <see cref="BulkProgress.RowsRemoved"/>).
    /// </summary>
    /// <param name="rows">The rows, read once, in order.</param>
    /// <param name="options">The journal, the concurrency, what to do with rejected rows.</param>
    /// <param name="progress">Told after each row how far the import is; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Stops the import; the journal keeps what was done, for the next run.</param>
    /// <returns>What the import did, with the rows done and rejected.</returns>
    /// <exception cref="ArgumentException">The options are invalid; nothing was read or sent.</exception>
    /// <exception cref="BulkJournalException">The journal cannot be used: held by another import, not a journal, edited, or of another server or source. Nothing was sent.</exception>
    /// <exception cref="InvalidOperationException">A create kept failing with an unknown outcome (run it again), or the server contradicted itself.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused the client (credentials, permissions).</exception>
    public virtual async Task<BulkProgress> ImportAsync(IAsyncEnumerable<BulkImportRow> rows, BulkImportOptions options, IProgress<BulkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrency, 1, "options.MaxConcurrency");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxConcurrency, 64, "options.MaxConcurrency");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SettleDelay, TimeSpan.Zero, "options.SettleDelay");
        if (!options.DryRun && string.IsNullOrWhiteSpace(options.JournalPath))
        {
            throw new ArgumentException("options.JournalPath is required unless options.DryRun is set.", nameof(options));
        }

        CustomerAddressesClient client = Client;
        var state = new ImportState();
        using ImportJournal? journal = options.DryRun ? null : ImportJournal.Open(options.JournalPath!, Target(client), options.Source, options.FlushJournalToDisk, state);
        state.StartRun();
        TimeProvider time = client.TimeProvider;
        CustomerAddressesClientStatistics statistics = client.Statistics;
        (long requests, long limited) = (statistics.Requests, statistics.RateLimited);
        BulkProgress Snapshot() => state.Snapshot(
            statistics.Requests - requests,
            statistics.RateLimited - limited,
            statistics.RateLimitedUntil is { } until && until > time.GetUtcNow() ? until : null);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var importer = new BulkImporter(client, time, options, state, journal);
        await Parallel.ForEachAsync(
            Seen(RowTurns.InFileOrder(rows, cancellationToken), seen),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken },
            async (turn, token) =>
            {
                try
                {
                    await importer.RowAsync(turn, token).ConfigureAwait(false);
                }
                finally
                {
                    turn.Done.TrySetResult();
                }

                progress?.Report(Snapshot());
            }).ConfigureAwait(false);
        state.Removed(state.Before.Keys.Count(key => !seen.Contains(key)));
        return Snapshot();
    }

    /// <summary>
    /// Exports every customer with its addresses, its businesses and (when asked) its saved payment methods, oldest
    /// first: one record per address, per business and per payment method, in that order, and one for a customer with
    /// none of them. Lazy and streaming: it holds one page of customers and one of what they own at a time (pages as
    /// large as the dialect allows), so memory stays flat however many there are.
    /// </summary>
    /// <param name="options">Whether to include archived ones, businesses, payment methods; <see langword="null"/> for active customers with their addresses and businesses.</param>
    /// <param name="cancellationToken">Stops the export.</param>
    /// <returns>The records; nothing is sent until they are enumerated.</returns>
    /// <exception cref="CustomerAddressesApiException">A page request failed; thrown during enumeration.</exception>
    public virtual async IAsyncEnumerable<BulkExportRecord> ExportAsync(BulkExportOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        CustomerAddressesClient client = Client;
        options ??= new BulkExportOptions();
        bool archived = options.IncludeArchived;
        bool businesses = options.IncludeBusinesses && client.Dialect.HasBusinesses;
        bool paymentMethods = options.IncludePaymentMethods && client.Dialect.HasPaymentMethods;
        int? perPage = client.Dialect.MaxPageSize;
        var customerQuery = new ListCustomersOptions { Statuses = archived ? [CustomerStatus.Active, CustomerStatus.Archived] : null, PerPage = perPage, Order = SortOrder.Ascending };
        var addressQuery = new ListAddressesOptions { Statuses = archived ? [AddressStatus.Active, AddressStatus.Archived] : null, PerPage = perPage, Order = SortOrder.Ascending };
        var businessQuery = new ListBusinessesOptions { Statuses = archived ? [BusinessStatus.Active, BusinessStatus.Archived] : null, PerPage = perPage, Order = SortOrder.Ascending };
        var paymentMethodQuery = new ListPaymentMethodsOptions { PerPage = perPage, Order = SortOrder.Ascending };
        await foreach (Customer customer in client.Customers.ListAsync(customerQuery, cancellationToken).ConfigureAwait(false))
        {
            bool any = false;
            await foreach (Address address in client.Addresses.ListAsync(customer.Id, addressQuery, cancellationToken).ConfigureAwait(false))
            {
                any = true;
                yield return new BulkExportRecord(customer, address);
            }

            if (businesses)
            {
                await foreach (Business business in client.Businesses.ListAsync(customer.Id, businessQuery, cancellationToken).ConfigureAwait(false))
                {
                    any = true;
                    yield return new BulkExportRecord(customer, null) { Business = business };
                }
            }

            if (paymentMethods)
            {
                await foreach (PaymentMethod method in client.PaymentMethods.ListAsync(customer.Id, paymentMethodQuery, cancellationToken).ConfigureAwait(false))
                {
                    any = true;
                    yield return new BulkExportRecord(customer, null) { PaymentMethod = method };
                }
            }

            if (!any)
            {
                yield return new BulkExportRecord(customer, null);
            }
        }
    }

    /// <summary>What a journal names as its server: the client's dialect and, when the client has one, its base address.</summary>
    private static string Target(CustomerAddressesClient client) => $"{client.BaseAddress} ({client.Dialect.Kind})";

    private static async IAsyncEnumerable<RowTurns> Seen(IAsyncEnumerable<RowTurns> turns, HashSet<string> seen)
    {
        await foreach (RowTurns turn in turns.ConfigureAwait(false))
        {
            seen.Add(turn.Key);
            yield return turn;
        }
    }

    private CustomerAddressesClient Client =>
        _client ?? throw new NotSupportedException($"This {nameof(BulkClient)} is a test double: override the method the test calls.");
}
