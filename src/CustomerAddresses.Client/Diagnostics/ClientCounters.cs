namespace CustomerAddresses.Client.Diagnostics;

/// <summary>
/// What a client sent (<see cref="CustomerAddressesClientStatistics"/>): every attempt, the retries among them, the 429s among the answers, until
/// when the last 429 asked to wait, and the limit learned from the server, if any. Thread-safe.
/// </summary>
internal sealed class ClientCounters
{
    private long _attempts;
    private long _tooManyRequests;
    private long _retries;
    private long _rateLimitedUntilTicks; // UTC ticks; 0 for none
    private int _learnedPerMinute;

    internal long Attempts => Interlocked.Read(ref _attempts);

    internal long TooManyRequests => Interlocked.Read(ref _tooManyRequests);

    internal long Retries => Interlocked.Read(ref _retries);

    internal DateTimeOffset? RateLimitedUntil => Interlocked.Read(ref _rateLimitedUntilTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    internal int? LearnedRequestsPerMinute => Volatile.Read(ref _learnedPerMinute) is var value and > 0 ? value : null;

    internal void Attempted() => Interlocked.Increment(ref _attempts);

    /// <summary>Counts an attempt the retry policy is about to make again.</summary>
    internal void Retried() => Interlocked.Increment(ref _retries);

    /// <summary>Counts a 429; <paramref name="until"/> is when its <c>Retry-After</c> ends, if it had one.</summary>
    internal void RateLimited(DateTimeOffset? until)
    {
        Interlocked.Increment(ref _tooManyRequests);
        if (until is { } end)
        {
            long ticks = end.UtcTicks;
            long seen;
            do
            {
                seen = Interlocked.Read(ref _rateLimitedUntilTicks);
                if (seen >= ticks)
                {
                    return;
                }
            }
            while (Interlocked.CompareExchange(ref _rateLimitedUntilTicks, ticks, seen) != seen);
        }
    }

    internal void Learned(int requestsPerMinute) => Volatile.Write(ref _learnedPerMinute, requestsPerMinute);
}
