using System.Runtime.CompilerServices;
using CustomerAddresses.Client.Bulk;
using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Diagnostics;

namespace CustomerAddresses.Client;

/// <summary>
/// Moves many customers and addresses: imports rows with nothing lost and nothing duplicated across crashes and re-runs,
/// and exports every customer with its addresses as a stream. Get one from <see cref="CustomerAddressesClient.Bulk"/>;
/// it sends through that client, so its retries, timeouts and rate limit
/// (<see cref="CustomerAddressesRateLimitOptions.RequestsPerMinute"/>) apply. Thread-safe.
/// </summary>
public class BulkClient
{
    private readonly CustomersClient? _customers;
    private readonly AddressesClient? _addresses;
    private readonly ClientSettings? _settings;

    /// <summary>Initializes an instance for a test double; only overridden methods may be called on it.</summary>
    protected BulkClient()
    {
    }

    internal BulkClient(CustomersClient customers, AddressesClient addresses, ClientSettings? settings)
    {
        _customers = customers;
        _addresses = addresses;
        _settings = settings;
    }

    /// <summary>
    /// Imports rows: a customer per email (an existing one is used, never duplicated) and each row's address unless the
    /// customer already has one identical in every imported member. Importing the same rows again changes nothing. The
    /// journal (<see cref="BulkImportOptions.JournalPath"/>) makes a run that was killed at any instant resumable: run it
    /// again with the same rows and journal, and it ends with exactly the rows on the server.
    /// </summary>
    /// <param name="rows">The rows, read once, in order; each <see cref="BulkImportRow.LineNumber"/> unique.</param>
    /// <param name="options">The journal, the concurrency, what to do with rejected rows.</param>
    /// <param name="progress">Told after each row how far the import is; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Stops the import; the journal keeps what was done, for the next run.</param>
    /// <returns>What the import did, with the rows done and rejected.</returns>
    /// <exception cref="ArgumentException">The options are invalid; nothing was read or sent.</exception>
    /// <exception cref="InvalidOperationException">The journal belongs to an import into another server or is damaged, or a create kept failing with an unknown outcome (run it again).</exception>
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

        (CustomersClient customers, AddressesClient addresses) = Clients;
        WireDialect dialect = _settings?.Dialect ?? WireDialect.PaddleBilling;
        var state = new ImportState();
        using ImportJournal? journal = options.DryRun ? null : ImportJournal.Open(options.JournalPath!, $"{_settings?.BaseAddress} ({dialect.Kind})", options.FlushJournalToDisk, state);
        ClientCounters counters = _settings?.Counters ?? new ClientCounters();
        (long attempts, long limited) = (counters.Attempts, counters.TooManyRequests);
        BulkProgress Snapshot() => state.Snapshot(counters.Attempts - attempts, counters.TooManyRequests - limited);

        var importer = new BulkImporter(customers, addresses, dialect, _settings?.TimeProvider ?? TimeProvider.System, options, state, journal);
        await Parallel.ForEachAsync(
            RowTurns.InFileOrder(rows, cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken },
            async (turn, token) =>
            {
                try
                {
                    await importer.RowAsync(turn.Row, turn.After, token).ConfigureAwait(false);
                }
                finally
                {
                    turn.Done.TrySetResult();
                }

                progress?.Report(Snapshot());
            }).ConfigureAwait(false);
        return Snapshot();
    }

    /// <summary>
    /// Exports every customer with its addresses, oldest first: one record per address, and one for a customer without
    /// any. Lazy and streaming: it holds one page of customers and one of addresses at a time, so memory stays flat
    /// however many there are.
    /// </summary>
    /// <param name="options">Whether to include archived ones; <see langword="null"/> for active ones only.</param>
    /// <param name="cancellationToken">Stops the export.</param>
    /// <returns>The records; nothing is sent until they are enumerated.</returns>
    /// <exception cref="CustomerAddressesApiException">A page request failed; thrown during enumeration.</exception>
    public virtual async IAsyncEnumerable<BulkExportRecord> ExportAsync(BulkExportOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        (CustomersClient customers, AddressesClient addresses) = Clients;
        bool archived = options?.IncludeArchived == true;
        int? perPage = (_settings?.Dialect.Kind ?? ApiDialect.PaddleBilling) == ApiDialect.PaddleBilling ? 200 : null;
        var customerQuery = new ListCustomersOptions { Statuses = archived ? [CustomerStatus.Active, CustomerStatus.Archived] : null, PerPage = perPage, Order = SortOrder.Ascending };
        var addressQuery = new ListAddressesOptions { Statuses = archived ? [AddressStatus.Active, AddressStatus.Archived] : null, PerPage = perPage, Order = SortOrder.Ascending };
        await foreach (Customer customer in customers.ListAsync(customerQuery, cancellationToken).ConfigureAwait(false))
        {
            bool any = false;
            await foreach (Address address in addresses.ListAsync(customer.Id, addressQuery, cancellationToken).ConfigureAwait(false))
            {
                any = true;
                yield return new BulkExportRecord(customer, address);
            }

            if (!any)
            {
                yield return new BulkExportRecord(customer, null);
            }
        }
    }

    private (CustomersClient, AddressesClient) Clients =>
        _customers is not null && _addresses is not null ? (_customers, _addresses) : throw MockOnly.NotOverridden(nameof(BulkClient));
}
