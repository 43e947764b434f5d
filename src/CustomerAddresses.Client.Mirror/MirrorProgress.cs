namespace CustomerAddresses.Client.Mirror;

/// <summary>What a <see cref="CustomerMirror"/> did since it was created.</summary>
public sealed record MirrorProgress
{
    /// <summary>Gets whether the last <see cref="CustomerMirror.SyncAsync"/> led (ran the backfill and catch-up); <see langword="false"/> when another instance held the lead.</summary>
    public bool Led { get; init; } = true;

    /// <summary>Gets how many customers a backfill mirrored, with what they own.</summary>
    public long CustomersBackfilled { get; init; }

    /// <summary>Gets how many rows were written (new, or a newer state), by a backfill or an event.</summary>
    public long RowsWritten { get; init; }

    /// <summary>Gets how many events were applied (from the events list or webhooks), each once.</summary>
    public long EventsApplied { get; init; }

    /// <summary>Gets how many events were met again (a duplicate delivery, or an event both delivered and listed) and skipped.</summary>
    public long EventsDuplicate { get; init; }

    /// <summary>Gets how many states were older than their row (a late or reordered delivery) and were not written.</summary>
    public long OlderStatesSkipped { get; init; }

    /// <summary>Gets how many entities were fetched from the API because two states had the same <c>updated_at</c>.</summary>
    public long EntitiesFetched { get; init; }

    /// <summary>Gets how many payment method rows were removed (deleted on the server).</summary>
    public long PaymentMethodsRemoved { get; init; }
}

/// <summary>The counters behind <see cref="MirrorProgress"/>, updated atomically.</summary>
internal sealed class MirrorCounters
{
    private long _customers;
    private long _written;
    private long _events;
    private long _duplicates;
    private long _older;
    private long _fetched;
    private long _removed;

    internal void Customer() => Interlocked.Increment(ref _customers);

    internal void Fetched() => Interlocked.Increment(ref _fetched);

    internal void Deleted(int count) => Interlocked.Add(ref _removed, count);

    internal void Count(ApplyOutcome outcome, bool fromEvent)
    {
        if (fromEvent && outcome != ApplyOutcome.Duplicate)
        {
            Interlocked.Increment(ref _events);
        }

        _ = outcome switch
        {
            ApplyOutcome.Written => Interlocked.Increment(ref _written),
            ApplyOutcome.Duplicate => Interlocked.Increment(ref _duplicates),
            ApplyOutcome.Older => Interlocked.Increment(ref _older),
            _ => 0,
        };
    }

    internal MirrorProgress Snapshot() => new()
    {
        CustomersBackfilled = Interlocked.Read(ref _customers),
        RowsWritten = Interlocked.Read(ref _written),
        EventsApplied = Interlocked.Read(ref _events),
        EventsDuplicate = Interlocked.Read(ref _duplicates),
        OlderStatesSkipped = Interlocked.Read(ref _older),
        EntitiesFetched = Interlocked.Read(ref _fetched),
        PaymentMethodsRemoved = Interlocked.Read(ref _removed),
    };
}
