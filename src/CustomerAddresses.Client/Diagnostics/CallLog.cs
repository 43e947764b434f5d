using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Client.Diagnostics;

/// <summary>Log lines of each call. They name the route template, never a URL, header, body or credential.</summary>
internal static partial class CallLog
{
    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Sending {Method} {Route} (client request id {ClientRequestId})")]
    internal static partial void Sending(ILogger logger, string method, string route, string? clientRequestId);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information,
        Message = "{Method} {Route} answered {StatusCode} in {DurationMs} ms after {Attempts} attempt(s) (request id {RequestId}, client request id {ClientRequestId})")]
    internal static partial void Answered(ILogger logger, string method, string route, int statusCode, double durationMs, int attempts, string? requestId, string? clientRequestId);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning,
        Message = "{Method} {Route} failed after {DurationMs} ms and {Attempts} attempt(s): {ErrorType} (client request id {ClientRequestId})")]
    internal static partial void Failed(ILogger logger, string method, string route, double durationMs, int attempts, string errorType, string? clientRequestId);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning,
        Message = "{Operation} failed: {StatusCode} {ErrorCode} (request id {RequestId})")]
    internal static partial void ApiError(ILogger logger, string operation, int statusCode, string? errorCode, string? requestId);

    /// <summary>Logs an API error with the server's code and request id made single-line and bounded: a server cannot forge log lines.</summary>
    internal static void ApiErrorSafely(ILogger logger, string operation, int statusCode, string? errorCode, string? requestId) =>
        ApiError(logger, operation, statusCode, errorCode is null ? null : LogText.OneLine(errorCode, 64), requestId is null ? null : LogText.OneLine(requestId, 100));

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "The server rotated the session token on {Route}; later requests send the new one")]
    internal static partial void SessionRotated(ILogger logger, string route);

    [LoggerMessage(EventId = 15, Level = LogLevel.Warning, Message = "The SessionTokenRotated callback threw {ExceptionType}; the new session token is in use anyway")]
    internal static partial void SessionCallbackFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 16, Level = LogLevel.Information,
        Message = "{Method} {Route} was refused for a session token the server has rotated since; sending it again with the newer one (client request id {ClientRequestId})")]
    internal static partial void SessionResent(ILogger logger, string method, string route, string? clientRequestId);
}
