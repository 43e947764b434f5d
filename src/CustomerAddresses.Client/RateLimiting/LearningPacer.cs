using System.Threading.RateLimiting;
using CustomerAddresses.Client.Diagnostics;

namespace CustomerAddresses.Client.RateLimiting;

/// <summary>
/// Pacing learned from the server (<see cref="CustomerAddressesRateLimitOptions.LearnFromServer"/>): no limit until the
/// first 429, then a <see cref="RequestPacer"/> at the rate the server showed, and no request at all until the 429's
/// <c>Retry-After</c> has passed (every request sent meanwhile would be refused too).
/// </summary>
/// <remarks>
/// The rate is read from what happened, assuming a limit per minute (Paddle's): the answers that were not 429 in the
/// minute before the 429, spread over the time from the first of them to the end of the wait it asked for. A server that
/// counted N requests in 5 s and asks for 55 s more is paced at N a minute. Each later 429 learns again (a lower rate, or
/// a higher one when the first guess was made of too few answers); between 429s the rate holds.
/// </remarks>
internal sealed class LearningPacer(TimeProvider time, ClientCounters counters) : RateLimiter
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(1);
    private static readonly RateLimitLease s_acquired = new Lease();
    private readonly object _gate = new();
    private readonly Queue<long> _answered = new(); // timestamps of the answers that were not 429, within the window
    private RequestPacer? _pacer;
    private long _holdUntil; // a timestamp; 0 for no hold
    private long _lastAcquired = -1;

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

    /// <summary>Tells the pacer an answer came: a 429 (with its wait, if it had one) or any other.</summary>
    internal void Answered(bool rateLimited, TimeSpan? retryAfter)
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
            int perMinute = (int)Math.Clamp(Math.Floor(Math.Max(_answered.Count, 1) * 60 / seconds), 1, 60_000);
            _holdUntil = Math.Max(_holdUntil, now + (long)(wait.TotalSeconds * time.TimestampFrequency));
            if (_pacer is null || counters.LearnedRequestsPerMinute != perMinute)
            {
                (retired, _pacer) = (_pacer, new RequestPacer(perMinute, time));
                counters.Learned(perMinute);
            }
        }

        retired?.Dispose();
    }

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        RequestPacer? pacer;
        lock (_gate)
        {
            if (_holdUntil > time.GetTimestamp())
            {
                return new Lease(acquired: false);
            }

            pacer = _pacer;
        }

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
            TimeSpan hold;
            lock (_gate)
            {
                long now = time.GetTimestamp();
                hold = _holdUntil > now ? time.GetElapsedTime(now, _holdUntil) : TimeSpan.Zero;
                pacer = _pacer;
            }

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
