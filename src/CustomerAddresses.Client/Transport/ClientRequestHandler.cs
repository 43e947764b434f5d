using System.Diagnostics;
using System.Net.Http.Headers;
using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Diagnostics;
using CustomerAddresses.Client.Protocol;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace CustomerAddresses.Client.Transport;

/// <summary>
/// The outermost handler, run once per call (not per attempt): every request the client sends, whether Refit built
/// it or it follows a <c>next</c> link, gets <c>Accept: application/json</c> and one <c>X-Client-Request-Id</c> that
/// stays the same on every attempt, so server logs can join the attempts of one call. It bounds the whole call,
/// body reading included, by the total timeout even when the caller replaced the resilience pipeline, turns any
/// timeout into a <see cref="TimeoutException"/> so that no Polly type reaches the caller, and logs each call's start
/// and end by the operation's route template (never a URL, query string or id).
/// </summary>
internal sealed class ClientRequestHandler : DelegatingHandler
{
    /// <summary>The correlation header; documented in the README.</summary>
    internal const string HeaderName = "X-Client-Request-Id";

    /// <summary>The API version Paddle Billing is asked for.</summary>
    internal const string PaddleVersionHeader = "Paddle-Version";

    /// <summary>How many times the pipeline retried this request; set by the retry strategy.</summary>
    internal static readonly HttpRequestOptionsKey<int> RetriesKey = new("CustomerAddresses.Client.Retries");

    /// <summary>When the call started, as a <see cref="TimeProvider"/> timestamp: what is left of the total timeout is measured from it.</summary>
    internal static readonly HttpRequestOptionsKey<long> StartedKey = new("CustomerAddresses.Client.Started");

    private static readonly MediaTypeWithQualityHeaderValue s_json = new("application/json");

    private readonly ClientSettings _settings;
    private readonly ILogger _logger;

    // The standalone client's pipeline cannot be replaced, and its total timeout bounds the buffered body too: the
    // safety-net deadline (a timer and a linked token per call) is needed only where a caller may have replaced it.
    private readonly bool _pipelineIsFixed;

    internal ClientRequestHandler(ClientSettings settings, ILogger logger, bool pipelineIsFixed = false)
    {
        _settings = settings;
        _logger = logger;
        _pipelineIsFixed = pipelineIsFixed;
    }

    internal static void CountRetry(HttpRequestMessage request) =>
        request.Options.Set(RetriesKey, (request.Options.TryGetValue(RetriesKey, out int retries) ? retries : 0) + 1);

    private static int Attempts(HttpRequestMessage request) =>
        1 + (request.Options.TryGetValue(RetriesKey, out int retries) ? retries : 0);

    internal static string? IdOf(HttpRequestMessage request) =>
        request.Headers.TryGetValues(HeaderName, out IEnumerable<string>? values) ? values.FirstOrDefault() : null;

    /// <summary>The route template of the operation that sent the request, for log lines.</summary>
    internal static string RouteOf(HttpRequestMessage request) => OperationInfo.Of(request)?.Route ?? "(not an SDK operation)";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.Contains(HeaderName))
        {
            request.Headers.TryAddWithoutValidation(HeaderName, Guid.NewGuid().ToString("D"));
        }

        if (request.Headers.Accept.Count == 0)
        {
            request.Headers.Accept.Add(s_json);
        }

        if (_settings.Dialect == ApiDialect.PaddleBilling && !request.Headers.Contains(PaddleVersionHeader))
        {
            request.Headers.TryAddWithoutValidation(PaddleVersionHeader, "1");
        }

        string method = request.Method.Method;
        string? clientRequestId = IdOf(request);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            CallLog.Sending(_logger, method, RouteOf(request), clientRequestId);
        }

        long started = Stopwatch.GetTimestamp();
        request.Options.Set(StartedKey, _settings.TimeProvider.GetTimestamp());

        // The total timeout again, outside any pipeline: a pipeline the caller replaced may leave the body read unbounded.
        using CancellationTokenSource? deadline = _pipelineIsFixed ? null : new CancellationTokenSource(_settings.TotalTimeout, _settings.TimeProvider);
        using CancellationTokenSource? linked = deadline is not null && cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token) : null;
        try
        {
            HttpResponseMessage response = await base.SendAsync(request, linked?.Token ?? deadline?.Token ?? cancellationToken).ConfigureAwait(false);
            if (_logger.IsEnabled(LogLevel.Information))
            {
                string? requestId = ResponseHeaders.RequestId(response) is { } id ? LogText.OneLine(_settings.Redactor.Redact(id), 100) : null;
                CallLog.Answered(_logger, method, RouteOf(request), (int)response.StatusCode, Elapsed(started), Attempts(request), requestId, clientRequestId);
            }

            return response;
        }
        catch (TimeoutRejectedException e)
        {
            throw TimedOut(request, method, started, clientRequestId, e.Timeout);
        }
        catch (OperationCanceledException) when (deadline is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(request, method, started, clientRequestId, _settings.TotalTimeout);
        }
        catch (Exception e)
        {
            CallLog.Failed(_logger, method, RouteOf(request), Elapsed(started), Attempts(request), e.GetType().Name, clientRequestId);
            throw;
        }
    }

    private TimeoutException TimedOut(HttpRequestMessage request, string method, long started, string? clientRequestId, TimeSpan limit)
    {
        string route = RouteOf(request);
        CallLog.Failed(_logger, method, route, Elapsed(started), Attempts(request), nameof(TimeoutException), clientRequestId);
        return new TimeoutException(
            $"{method} {route} did not complete within {limit.TotalSeconds:0.###} s " +
            $"(attempt timeout {_settings.AttemptTimeout.TotalSeconds:0.###} s, total timeout {_settings.TotalTimeout.TotalSeconds:0.###} s). " +
            $"Client request id: {clientRequestId}.");
    }

    /// <summary>What is left of the call's total timeout, by the configured clock; the whole timeout before the call started.</summary>
    internal static TimeSpan Remaining(HttpRequestMessage request, ClientSettings settings) =>
        request.Options.TryGetValue(StartedKey, out long startedAt)
            ? settings.TotalTimeout - settings.TimeProvider.GetElapsedTime(startedAt)
            : settings.TotalTimeout;

    private static double Elapsed(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
