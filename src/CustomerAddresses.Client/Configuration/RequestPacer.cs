using System.Threading.RateLimiting;

namespace CustomerAddresses.Client.Configuration;

/// <summary>
/// A <see cref="RateLimiter"/> that spaces permits evenly, at 98% of a rate of requests a minute, on the client's clock:
/// each acquisition takes the next free slot (never earlier than now, never less than one interval after the slot before)
/// and waits until it comes. No bursts, first come first served, and on a fake clock a test steps through it.
/// </summary>
internal sealed class RequestPacer : RateLimiter
{
    /// <summary>The share of the limit the pacer sends at: the rest absorbs requests that arrive unevenly.</summary>
    internal const double Headroom = 0.98;

    private static readonly RateLimitLease s_acquired = new Lease(true);
    private static readonly RateLimitLease s_refused = new Lease(false);
    private readonly TimeProvider _time;
    private readonly long _intervalTicks;
    private readonly object _gate = new();
    private long _next;
    private long _lastAcquired = -1;

    internal RequestPacer(int requestsPerMinute, TimeProvider time)
    {
        _time = time;
        Interval = TimeSpan.FromMinutes(1) / (requestsPerMinute * Headroom);
        _intervalTicks = (long)(Interval.TotalSeconds * time.TimestampFrequency);
        _next = time.GetTimestamp();
    }

    /// <summary>The time between two permits.</summary>
    internal TimeSpan Interval { get; }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                return _lastAcquired < 0 ? null : _time.GetElapsedTime(_lastAcquired);
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            long now = _time.GetTimestamp();
            if (_next > now)
            {
                return s_refused;
            }

            Take(now, permitCount);
            return s_acquired;
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        long slot;
        long now;
        lock (_gate)
        {
            now = _time.GetTimestamp();
            slot = Take(now, permitCount);
        }

        if (slot > now)
        {
            await Task.Delay(TimeSpan.FromSeconds((slot - now) / (double)_time.TimestampFrequency), _time, cancellationToken).ConfigureAwait(false);
        }

        return s_acquired;
    }

    /// <summary>Reserves the next free slot for <paramref name="permitCount"/> permits; returns when it starts.</summary>
    private long Take(long now, int permitCount)
    {
        long slot = Math.Max(now, _next);
        _next = slot + (_intervalTicks * Math.Max(permitCount, 1));
        _lastAcquired = slot;
        return slot;
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public override bool IsAcquired { get; } = acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
