namespace CustomerAddresses.Client.Testing;

/// <summary>Running counts of what an emulator served and injected; safe to read while it runs.</summary>
public sealed class EmulatorStatistics
{
    private long _requests;
    private long _serverErrors;
    private long _rateLimits;
    private long _delays;
    private long _aborts;

    /// <summary>Gets how many requests arrived.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Gets how many were answered with an injected 503.</summary>
    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    /// <summary>Gets how many were answered with an injected 429.</summary>
    public long RateLimits => Interlocked.Read(ref _rateLimits);

    /// <summary>Gets how many were delayed.</summary>
    public long Delays => Interlocked.Read(ref _delays);

    /// <summary>Gets how many had their connection aborted mid-response.</summary>
    public long Aborts => Interlocked.Read(ref _aborts);

    /// <summary>Gets the number of injected faults of every kind.</summary>
    public long Faults => ServerErrors + RateLimits + Delays + Aborts;

    internal void Count(EmulatorFault fault)
    {
        Interlocked.Increment(ref _requests);
        switch (fault)
        {
            case EmulatorFault.ServerError: Interlocked.Increment(ref _serverErrors); break;
            case EmulatorFault.RateLimited: Interlocked.Increment(ref _rateLimits); break;
            case EmulatorFault.Latency: Interlocked.Increment(ref _delays); break;
            case EmulatorFault.Aborted: Interlocked.Increment(ref _aborts); break;
        }
    }

    /// <summary>Describes the counts.</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() =>
        $"{Requests} requests; faults: {ServerErrors} × 503, {RateLimits} × 429, {Delays} delayed, {Aborts} aborted";
}
