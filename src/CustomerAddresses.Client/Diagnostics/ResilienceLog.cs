using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Client.Diagnostics;

/// <summary>Log lines of the resilience pipeline. They name the route template, never a URL, header or body.</summary>
internal static partial class ResilienceLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Retrying {Method} {Route} after {Outcome}: attempt {NextAttempt} of {MaxAttempts} in {DelayMs} ms (client request id {ClientRequestId})")]
    internal static partial void Retrying(ILogger logger, string method, string route, string outcome, int nextAttempt, int maxAttempts, double delayMs, string? clientRequestId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "{Method} {Route} abandoned an attempt after {TimeoutMs} ms (client request id {ClientRequestId})")]
    internal static partial void AttemptTimedOut(ILogger logger, string method, string route, double timeoutMs, string? clientRequestId);
}
