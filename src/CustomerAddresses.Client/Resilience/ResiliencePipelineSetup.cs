using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Diagnostics;
using CustomerAddresses.Client.Transport;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CustomerAddresses.Client.Resilience;

/// <summary>
/// The one resilience pipeline of every client, DI or standalone: a total timeout around retries around the rate limit
/// (when one is set) around a per-attempt timeout. Retries follow <see cref="RetryRules"/>; a <c>Retry-After</c> up to
/// <see cref="ClientSettings.MaxRetryAfter"/> replaces the exponential backoff.
/// </summary>
internal static class ResiliencePipelineSetup
{
    /// <summary>
    /// Builds the pipeline of a client, DI or standalone: each wraps it in Microsoft's <c>ResilienceHandler</c> itself,
    /// without the pipeline registry, whose options, telemetry and reload machinery a fixed pipeline does not use and a
    /// cold start would pay for (the client logs and counts its own retries).
    /// </summary>
    internal static ResiliencePipeline<HttpResponseMessage> Build(ClientSettings settings, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = settings.TimeProvider };
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "total-timeout",
            Timeout = settings.TotalTimeout,

            // A call's own timeout (RequestOptions.Timeout) replaces the client's.
            TimeoutGenerator = args => new ValueTask<TimeSpan>(ClientRequestHandler.TotalTimeout(args.Context.GetRequestMessage(), settings)),
        });

        if (settings.MaxRetries > 0)
        {
            var retry = new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "retry",
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                MaxDelay = settings.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(RetryRules.ShouldRetry(args.Outcome, args.Context.GetRequestMessage(), settings)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? RetryRules.RetryAfter(response, settings) : null),
                OnRetry = args =>
                {
                    if (args.Context.GetRequestMessage() is not { } request)
                    {
                        return default;
                    }

                    ClientRequestHandler.CountRetry(request);
                    settings.Counters.Retried();
                    ClientTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("http.request.method", request.Method.Method));
                    if (logger.IsEnabled(LogLevel.Warning))
                    {
                        ResilienceLog.Retrying(
                            logger,
                            request.Method.Method,
                            ClientRequestHandler.RouteOf(request),
                            Describe(args.Outcome),
                            args.AttemptNumber + 2,
                            settings.MaxRetries + 1,
                            args.RetryDelay.TotalMilliseconds,
                            ClientRequestHandler.IdOf(request));
                    }

                    return default;
                },
            };
            builder.AddRetry(retry);
        }

        // Every attempt takes its turn under the client's rate limit, before its own timeout starts.
        if (settings.Limiter is { } limiter)
        {
            builder.AddRateLimiter(limiter);
        }

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "attempt-timeout",
            Timeout = settings.AttemptTimeout,
            OnTimeout = args =>
            {
                if (args.Context.GetRequestMessage() is { } request)
                {
                    ResilienceLog.AttemptTimedOut(logger, request.Method.Method, ClientRequestHandler.RouteOf(request), args.Timeout.TotalMilliseconds, ClientRequestHandler.IdOf(request));
                }

                return default;
            },
        });
        return builder.Build();
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => $"status {(int)response.StatusCode}",
        { Exception: TimeoutRejectedException } => "an attempt timeout",
        { Exception: HttpRequestException { InnerException: System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused } } } => "connection refused",
        { Exception: HttpRequestException e } => $"a network failure ({e.HttpRequestError})",
        { Exception: { } e } => e.GetType().Name,
        _ => "an unknown outcome",
    };
}
