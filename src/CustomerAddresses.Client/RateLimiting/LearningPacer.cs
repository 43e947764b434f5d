using System.Threading.RateLimiting;
using CustomerAddresses.Client.Diagnostics;

namespace CustomerAddresses.Client.RateLimiting;

/// <summary>
/// Pacing learned from the server (<see cref="CustomerAddressesRateLimitOptions.LearnFromServer"/>): no limit until the
/// first 429, then a <see cref="RequestPacer"/> at the rate the server showed, and no request at all until the 429's
/// <c>Retry-After</c> has passed (every request sent meanwhile would be refused too).
/// </summary>
/// <remarks>
/// <para>
/// A 429 that states the limit (<c>RateLimit-Policy</c>, or <c>X-RateLimit-Limit</c> with <c>X-RateLimit-Window</c>:
/// <see cref="Protocol.ResponseHeaders.StatedRequestsPerMinute"/>) is paced at exactly that, and kept.
/// </para>
/// <para>
/// Otherwise the rate is read from what happened, assuming a limit per minute (Paddle's): the answers that were not 429
/// in the minute before the 429, spread over the time from the first of them to the end of the wait it asked for. A
/// server that counted N requests in 5 s and asks for 55 s more is paced at N a minute. Each later 429 learns again. A
/// rate read this way is a guess, and a 429 that was not the limit (one overloaded moment) would hold a run below the
/// server's limit for good: so after each full minute without a 429 the pace rises by an eighth, until a 429 says where
/// the limit is (the rise and fall of TCP's congestion control, at the pace of a per-minute limit).
/// </para>
/// </remarks>
internal sealed class LearningPacer(TimeProvider time, ClientCounters counters) : RateLimiter
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(1);

    /// <summary>How much a guessed pace rises after each full minute without a 429.</summary>
    internal const double Rise = 1.125;
    private static readonly RateLimitLease s_acquired = new Lease();
    private readonly object _gate = new();
    private readonly Queue<long> _answered = new(); // timestamps of the answers that were not 429, within the window
    private RequestPacer? _pacer;
    private long _holdUntil; // a timestamp; 0 for no hold
    private long _lastAcquired = -1;
    private long _learnedAt; // a timestamp: when the pace was last set
    private bool _stated; // the pace is the limit the server stated: it is kept, never raised

    /// <summary>The pacer in use, or null before the first 429.</summary>
    internal RequestPacer? Pacer
    {
        get
        {
            lock (_gate)
            {
                return _pacer;
            }
        }
    }

    public override TimeSpan? IdleDuration => _lastAcquired < 0 ? null : time.GetElapsedTime(Interlocked.Read(ref _lastAcquired));

    /// <summary>Tells the pacer an answer came: a 429 (with its wait, and the limit it states, if any) or any other.</summary>
    internal void Answered(bool rateLimited, TimeSpan? retryAfter, int? statedPerMinute = null)
    {
        long now = time.GetTimestamp();
        RequestPacer? retired = null;
        lock (_gate)
        {
            while (_answered.Count > 0 && time.GetElapsedTime(_answered.Peek(), now) >= s_window)
            {
                _answered.Dequeue();
            }

            if (!rateLimited)
            {
                _answered.Enqueue(now);
                return;
            }

            TimeSpan wait = retryAfter ?? TimeSpan.FromSeconds(1);
            TimeSpan span = _answered.Count > 0 ? time.GetElapsedTime(_answered.Peek(), now) : TimeSpan.Zero;
            double seconds = Math.Max((span + wait).TotalSeconds, 1);
            int perMinute = statedPerMinute ?? (int)Math.Clamp(Math.Floor(Math.Max(_answered.Count, 1) * 60 / seconds), 1, 60_000);
            _holdUntil = Math.Max(_holdUntil, now + (long)(wait.TotalSeconds * time.TimestampFrequency));
            _stated = statedPerMinute is not null;
            retired = Pace(perMinute, now);
        }

        retired?.Dispose();
    }

    /// <summary>Paces at <paramref name="perMinute"/> from now; returns the pacer it replaces, to dispose out of the lock. Called under the lock.</summary>
    private RequestPacer? Pace(int perMinute, long now)
    {
        _learnedAt = now;
        if (_pacer is not null && counters.LearnedRequestsPerMinute == perMinute)
        {
            return null;
        }

        RequestPacer? retired = _pacer;
        _pacer = new RequestPacer(perMinute, time);
        counters.Learned(perMinute);
        return retired;
    }

    /// <summary>The pacer in use, raised first if a guessed pace has gone a full minute without a 429. Called under the lock.</summary>
    private RequestPacer? Current(long now, out RequestPacer? retired)
    {
        retired = null;
        if (_pacer is not null && !_stated && time.GetElapsedTime(_learnedAt, now) >= s_window && counters.LearnedRequestsPerMinute is { } perMinute && perMinute < 60_000)
        {
            retired = Pace(Math.Min(60_000, (int)Math.Ceiling(perMinute * Rise)), now);
        }

        return _pacer;
    }

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        RequestPacer? pacer;
        RequestPacer? retired;
        lock (_gate)
        {
            long now = time.GetTimestamp();
            if (_holdUntil > now)
            {
                return new Lease(acquired: false);
            }

            pacer = Current(now, out retired);
        }

        retired?.Dispose();

        if (pacer is null)
        {
            Interlocked.Exchange(ref _lastAcquired, time.GetTimestamp());
            return s_acquired;
        }

        return pacer.AttemptAcquire(permitCount);
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        while (true)
        {
            RequestPacer? pacer;
            RequestPacer? retired;
            TimeSpan hold;
            lock (_gate)
            {
                long now = time.GetTimestamp();
                hold = _holdUntil > now ? time.GetElapsedTime(now, _holdUntil) : TimeSpan.Zero;
                pacer = Current(now, out retired);
            }

            retired?.Dispose();

            if (hold > TimeSpan.Zero)
            {
                await Task.Delay(hold, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (pacer is null)
            {
                Interlocked.Exchange(ref _lastAcquired, time.GetTimestamp());
                return s_acquired;
            }

            try
            {
                RateLimitLease lease = await pacer.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false);
                Interlocked.Exchange(ref _lastAcquired, time.GetTimestamp());
                return lease;
            }
            catch (ObjectDisposedException)
            {
                // A 429 replaced the pacer while this call waited in it: wait in the new one.
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_gate)
            {
                _pacer?.Dispose();
            }
        }
    }

    private sealed class Lease(bool acquired = true) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
