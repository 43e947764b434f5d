using System.Threading.RateLimiting;

namespace CustomerAddresses.Client.RateLimiting;

/// <summary>
/// A <see cref="RateLimiter"/> that spaces permits evenly, at 98% of a rate of requests a minute, on the client's clock:
/// no bursts, first come first served, and on a fake clock a test steps through it.
/// </summary>
/// <remarks>
/// A turn is given when it comes, not promised when it is asked for: waiters queue in arrival order, and a timer on the
/// client's clock hands the next permit to whoever is first in the queue when the interval since the last permit has
/// passed. A waiter that leaves the queue (its call was cancelled or ran out of time) takes no turn with it, so the
/// callers behind it move up at once and no permit goes unused.
/// </remarks>
internal sealed partial class RequestPacer : RateLimiter
{
    /// <summary>The share of the limit the pacer sends at: the rest absorbs requests that arrive unevenly.</summary>
    internal const double Headroom = 0.98;

    private static readonly RateLimitLease s_acquired = new Lease(true);
    private static readonly RateLimitLease s_refused = new Lease(false);
    private readonly TimeProvider _time;
    private readonly long _intervalTicks;
    private readonly object _gate = new();
    private readonly LinkedList<Waiter> _queue = new();
    private readonly ITimer _timer;
    private long _next;
    private long _lastAcquired = -1;
    private bool _disposed;

    internal RequestPacer(int requestsPerMinute, TimeProvider time)
    {
        _time = time;
        Interval = TimeSpan.FromMinutes(1) / (requestsPerMinute * Headroom);
        _intervalTicks = (long)(Interval.TotalSeconds * time.TimestampFrequency);
        _next = time.GetTimestamp();
        _timer = time.CreateTimer(static state => ((RequestPacer)state!).GrantDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The time between two permits.</summary>
    internal TimeSpan Interval { get; }

    /// <summary>How many callers wait for a turn now.</summary>
    internal int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                return _lastAcquired < 0 || _queue.Count > 0 ? null : _time.GetElapsedTime(_lastAcquired);
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            long now = _time.GetTimestamp();
            if (permitCount == 0 || (_queue.Count == 0 && _next <= now))
            {
                Take(now, permitCount);
                return s_acquired;
            }

            return s_refused;
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<RateLimitLease>(cancellationToken);
        }

        Waiter waiter;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            long now = _time.GetTimestamp();
            if (permitCount == 0 || (_queue.Count == 0 && _next <= now))
            {
                Take(now, permitCount);
                return new ValueTask<RateLimitLease>(s_acquired);
            }

            waiter = new Waiter(this, permitCount);
            waiter.Node = _queue.AddLast(waiter);
            if (_queue.Count == 1)
            {
                Arm(now);
            }
        }

        // Registered outside the lock: a token cancelled meanwhile runs Leave at once, which takes the lock. Kept under the
        // lock, so that the one who takes the waiter out of the line releases it; released here if that happened already.
        CancellationTokenRegistration registration = cancellationToken.UnsafeRegister(static (state, token) => ((Waiter)state!).Leave(token), waiter);
        bool gone;
        lock (_gate)
        {
            gone = waiter.Node is null;
            if (!gone)
            {
                waiter.Registration = registration;
            }
        }

        if (gone)
        {
            registration.Dispose();
        }

        return new ValueTask<RateLimitLease>(waiter.Task);
    }

    /// <summary>Hands the permits that are due to the waiters first in line; arms the timer for the next one.</summary>
    private void GrantDue()
    {
        List<Waiter>? granted = null;
        lock (_gate)
        {
            long now = _time.GetTimestamp();
            while (_queue.First is { } first && _next <= now)
            {
                _queue.RemoveFirst();
                first.Value.Node = null;
                first.Value.TakeRegistration();

                // The slot it was due at, not the instant the timer ran: a late timer does not slow the rate down.
                Take(_next, first.Value.Permits);
                (granted ??= []).Add(first.Value);
            }

            if (_queue.Count > 0)
            {
                Arm(now);
            }
        }

        foreach (Waiter waiter in granted ?? [])
        {
            waiter.Release();
            waiter.TrySetResult(s_acquired);
        }
    }

    /// <summary>Takes the next free slot (never earlier than <paramref name="at"/>) for <paramref name="permitCount"/> permits.</summary>
    private void Take(long at, int permitCount)
    {
        long slot = Math.Max(at, _next);
        _next = slot + (_intervalTicks * permitCount);
        _lastAcquired = slot;
    }

    /// <summary>Sets the timer to the next slot (under the lock).</summary>
    private void Arm(long now)
    {
        _timer.Change(_next > now ? _time.GetElapsedTime(now, _next) : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Takes a waiter out of the line, if it is still in it; false when its turn was given already.</summary>
    private bool Remove(Waiter waiter)
    {
        lock (_gate)
        {
            if (waiter.Node is not { } node)
            {
                return false;
            }

            _queue.Remove(node);
            waiter.Node = null;
            waiter.TakeRegistration();
            if (_queue.Count == 0)
            {
                _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }

            return true;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        List<Waiter> waiting;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            waiting = [.. _queue];
            foreach (Waiter waiter in waiting)
            {
                waiter.Node = null;
                waiter.TakeRegistration();
            }

            _queue.Clear();
            _timer.Dispose();
        }

        foreach (Waiter waiter in waiting)
        {
            waiter.Release();
            waiter.TrySetException(new ObjectDisposedException(nameof(RequestPacer)));
        }
    }
}
