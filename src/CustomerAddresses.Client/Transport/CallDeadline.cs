namespace CustomerAddresses.Client.Transport;

/// <summary>
/// The safety-net deadline of a call under dependency injection: a token cancelled when the total timeout has passed
/// or when the caller cancels. On the system clock its source is reused (one per thread, reset after each call), so a
/// call costs a timer change rather than a new source, a timer and a linked source; on any other clock (a test's fake
/// one) a new source is made per call, as that clock requires.
/// </summary>
internal struct CallDeadline : IDisposable
{
    [ThreadStatic]
    private static CancellationTokenSource? t_spare;

    private CancellationTokenSource? _source;
    private CancellationTokenRegistration _callerRegistration;

    /// <summary>Starts a deadline of <paramref name="timeout"/> on <paramref name="clock"/>, also cancelled by <paramref name="callerToken"/>.</summary>
    internal static CallDeadline Start(TimeSpan timeout, TimeProvider clock, CancellationToken callerToken)
    {
        CancellationTokenSource source;
        if (clock == TimeProvider.System)
        {
            source = t_spare ?? new CancellationTokenSource();
            t_spare = null;
            source.CancelAfter(timeout);
        }
        else
        {
            source = new CancellationTokenSource(timeout, clock);
        }

        var deadline = new CallDeadline { _source = source };
        if (callerToken.CanBeCanceled)
        {
            deadline._callerRegistration = callerToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source);
        }

        return deadline;
    }

    /// <summary>The token the call runs under.</summary>
    internal readonly CancellationToken Token => _source!.Token;

    /// <summary>Whether the deadline (or the caller) cancelled the call.</summary>
    internal readonly bool IsCancellationRequested => _source is { IsCancellationRequested: true };

    /// <summary>Ends the deadline; an unused source on the system clock is kept for the thread's next call.</summary>
    public void Dispose()
    {
        _callerRegistration.Dispose();
        if (_source is not { } source)
        {
            return;
        }

        _source = null;
        if (t_spare is null && source.TryReset())
        {
            t_spare = source;
        }
        else
        {
            source.Dispose();
        }
    }
}
