using System.Threading.RateLimiting;

namespace CustomerAddresses.Client.RateLimiting;

/// <summary>
/// A limiter the caller supplied, as every attempt uses it: a lease it refuses is asked for again after the lease's
/// <see cref="MetadataName.RetryAfter"/> (or <see cref="DefaultRetry"/>), on the client's clock, until it is granted or
/// the call is cancelled (its time budget included, which the client turns into a <see cref="TimeoutException"/>). So a
/// limiter that refuses rather than queues never surfaces as a Polly rejection.
/// </summary>
internal sealed class PermitWaiter(RateLimiter inner, bool owned, TimeProvider time) : RateLimiter
{
    /// <summary>How long to wait before asking again when a refused lease does not say.</summary>
    internal static readonly TimeSpan DefaultRetry = TimeSpan.FromMilliseconds(100);

    /// <summary>The caller's limiter.</summary>
    internal RateLimiter Inner => inner;

    public override TimeSpan? IdleDuration => inner.IdleDuration;

    public override RateLimiterStatistics? GetStatistics()
    {
        try
        {
            return inner.GetStatistics();
        }
        catch (NotImplementedException)
        {
            return null; // some limiters do not keep statistics, and say so this way
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => inner.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        while (true)
        {
            RateLimitLease lease = await inner.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false);
            if (lease.IsAcquired)
            {
                return lease;
            }

            TimeSpan wait = lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : DefaultRetry;
            lease.Dispose();
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && owned)
        {
            inner.Dispose();
        }
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        if (owned)
        {
            await inner.DisposeAsync().ConfigureAwait(false);
        }
    }
}
