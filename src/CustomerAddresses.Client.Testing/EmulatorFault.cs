namespace CustomerAddresses.Client.Testing;

/// <summary>A fault the emulator injected into one request.</summary>
public enum EmulatorFault
{
    /// <summary>The request was served normally.</summary>
    None = 0,

    /// <summary>Answered 503 without being processed.</summary>
    ServerError,

    /// <summary>Answered 429 with <c>Retry-After</c>, without being processed.</summary>
    RateLimited,

    /// <summary>Delayed, then served normally.</summary>
    Latency,

    /// <summary>Processed, then its connection was aborted halfway through the response.</summary>
    Aborted,
}
