namespace CustomerAddresses.Client.Bulk;

/// <summary>How <see cref="BulkClient.ImportAsync"/> runs: its journal and source, how many rows at a time, and what to do with rows it rejects.</summary>
public sealed record BulkImportOptions
{
    /// <summary>
    /// Gets the journal file: what was sent and what came back, appended and flushed to the operating system before the
    /// next step depends on it (so a killed process loses nothing), and read again when the import is run again: rows
    /// done are matched by their content (not their place), and a create whose outcome is unknown is resolved by looking
    /// at the server, never sent again blind. Every record carries a checksum chained from the first, which names the
    /// server and the <see cref="Source"/>: a journal edited or cut, or of another server or source, is refused
    /// (<see cref="BulkJournalException"/>), and so is a file that is not a journal, which is never written to. One import
    /// holds it at a time (an operating-system lock). Created when missing, readable by its owner only on Unix (it holds
    /// emails). Required unless <see cref="DryRun"/>.
    /// </summary>
    public string? JournalPath { get; init; }

    /// <summary>
    /// Gets what names the rows' source, such as the input file's full path: a journal kept for one source is refused for
    /// another. <see langword="null"/> for a source without a name (then only the server is checked).
    /// </summary>
    public string? Source { get; init; }

    /// <summary>Gets how many rows are worked on at once (rows of one customer always one after another). From 1 to 64; defaults to 4.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Gets whether to check every row locally, as the client checks a request, and send nothing (no journal is written).</summary>
    public bool DryRun { get; init; }

    /// <summary>Gets whether each journal record is also written through to the disk (survives a power cut, at a cost per record), not only to the operating system.</summary>
    public bool FlushJournalToDisk { get; init; }

    /// <summary>
    /// Gets how long to wait, after a create whose outcome is unknown was not found on the server, before looking once
    /// more and only then creating it: a request the network held back can still land meanwhile. Defaults to 2 seconds.
    /// </summary>
    public TimeSpan SettleDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets what to call for each rejected row, one call at a time, in the order of the rows (a row rejected early waits
    /// for the rows before it to finish); on a run resumed from a journal, rows rejected before with the same content are
    /// reported again, so a rejects file written from here is complete and in order.
    /// </summary>
    public Func<BulkRejectedRow, CancellationToken, ValueTask>? OnRejected { get; init; }
}

/// <summary>How far a bulk import is: rows, what it created and found, what it rejected, what changed since the journal's last run, and what it sent.</summary>
/// <remarks>
/// Counts of customers, addresses, businesses and rows cover the whole import, earlier runs of its journal included; the row
/// changes compare this run's rows with the journal's; requests and 429s cover this run.
/// </remarks>
public sealed record BulkProgress
{
    /// <summary>Gets how many rows are done: on the server, or rejected.</summary>
    public long RowsDone { get; init; }

    /// <summary>Gets how many rows were rejected.</summary>
    public long Rejected { get; init; }

    /// <summary>Gets how many customers the import created.</summary>
    public long CustomersCreated { get; init; }

    /// <summary>Gets how many customers the import found on the server already (and used).</summary>
    public long CustomersFound { get; init; }

    /// <summary>Gets how many addresses the import created.</summary>
    public long AddressesCreated { get; init; }

    /// <summary>Gets how many rows' addresses were on the server already, identical in every imported member (and were not created again).</summary>
    public long AddressesFound { get; init; }

    /// <summary>Gets how many businesses the import created.</summary>
    public long BusinessesCreated { get; init; }

    /// <summary>Gets how many rows' businesses were on the server already, active and identical in every imported member (and were not created again).</summary>
    public long BusinessesFound { get; init; }

    /// <summary>Gets how many rows an earlier run of the journal finished with the same content: skipped (or, if rejected then, reported again).</summary>
    public long RowsDoneBefore { get; init; }

    /// <summary>Gets how many rows are new to a journal that had rows: inserted or edited since the last run, or not reached before it stopped (a journal records finished rows only). They are imported.</summary>
    public long RowsChanged { get; init; }

    /// <summary>Gets how many rows the journal finished that this run's rows no longer hold (removed or edited): the import does not undo them on the server. Known at the end.</summary>
    public long RowsRemoved { get; init; }

    /// <summary>Gets how many requests this run sent, retries included.</summary>
    public long Requests { get; init; }

    /// <summary>Gets how many 429 answers this run received.</summary>
    public long RateLimited { get; init; }

    /// <summary>Gets until when the latest 429 asked the client to wait, when that is still to come: the run is stalled on the server's limit until then. <see langword="null"/> otherwise.</summary>
    public DateTimeOffset? StalledUntil { get; init; }
}
