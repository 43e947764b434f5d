namespace CustomerAddresses.Client;

/// <summary>How <see cref="BulkClient.ImportAsync"/> runs: its journal, how many rows at a time, and what to do with rows it rejects.</summary>
public sealed record BulkImportOptions
{
    /// <summary>
    /// Gets the journal file: what was sent and what came back, appended and flushed to the operating system before the
    /// next step depends on it (so a killed process loses nothing), and read again when the same import is run again:
    /// rows done are skipped, and a create whose outcome is unknown is resolved by looking at the server, never sent
    /// again blind. Created when missing. Required unless <see cref="DryRun"/>.
    /// </summary>
    public string? JournalPath { get; init; }

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
    /// Gets what to call for each rejected row, one call at a time, in the order rows are rejected; on a run resumed from
    /// a journal, the rows rejected before are reported again first, so a rejects file written from here is complete.
    /// </summary>
    public Func<BulkRejectedRow, CancellationToken, ValueTask>? OnRejected { get; init; }
}

/// <summary>How far a bulk import is: rows, what it created and found, what it rejected, and what it sent.</summary>
/// <remarks>Counts of customers, addresses and rows cover the whole import, earlier runs of its journal included; requests and 429s cover this run.</remarks>
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

    /// <summary>Gets how many requests this run sent, retries included.</summary>
    public long Requests { get; init; }

    /// <summary>Gets how many 429 answers this run received.</summary>
    public long RateLimited { get; init; }
}
