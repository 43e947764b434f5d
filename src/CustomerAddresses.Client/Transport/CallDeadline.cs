namespace CustomerAddresses.Client.Transport;

/// <summary>
/// A deadline linked to an outer token: the safety-net deadline of a call under dependency injection, and the
/// standalone client's attempt timeout. Its token is cancelled when the timeout has passed or the outer token is. On the system clock its source is reused (one per thread, reset after each call), so a
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
    /// <param name="timeout">How long until the token is cancelled.</param>
    /// <param name="clock">The clock that measures it.</param>
    /// <param name="callerToken">The outer token: its cancellation cancels this one.</param>
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

    /// <summary>Whether the deadline (or the outer token) cancelled the token.</summary>
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
