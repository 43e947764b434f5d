namespace CustomerAddresses.Client.Diagnostics;

/// <summary>What a client sent, for work that reports it (bulk imports): every attempt, and the 429s among the answers. Thread-safe.</summary>
internal sealed class ClientCounters
{
    private long _attempts;
    private long _tooManyRequests;

    internal long Attempts => Interlocked.Read(ref _attempts);

    internal long TooManyRequests => Interlocked.Read(ref _tooManyRequests);

    internal void Attempted() => Interlocked.Increment(ref _attempts);

    internal void RateLimited() => Interlocked.Increment(ref _tooManyRequests);
}
