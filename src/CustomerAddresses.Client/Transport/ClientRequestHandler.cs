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
/// stays the same on every attempt, so server logs can join the attempts of one call. It turns the pipeline's
/// timeout into a <see cref="TimeoutException"/> so that no Polly type reaches the caller, and logs each call's start
/// and end by the operation's route template (never a URL, query string or id).
/// </summary>
internal sealed class ClientRequestHandler : DelegatingHandler
{
    /// <summary>The correlation header; documented in the README.</summary>
    internal const string HeaderName = "X-Client-Request-Id";

    /// <summary>How many times the pipeline retried this request; set by the retry strategy.</summary>
    internal static readonly HttpRequestOptionsKey<int> RetriesKey = new("CustomerAddresses.Client.Retries");

    private static readonly MediaTypeWithQualityHeaderValue s_json = new("application/json");

    private readonly ClientSettings _settings;
    private readonly ILogger _logger;

    internal ClientRequestHandler(ClientSettings settings, ILogger logger)
    {
        _settings = settings;
        _logger = logger;
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

        string method = request.Method.Method;
        string? clientRequestId = IdOf(request);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            CallLog.Sending(_logger, method, RouteOf(request), clientRequestId);
        }

        long started = Stopwatch.GetTimestamp();
        try
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (_logger.IsEnabled(LogLevel.Information))
            {
                string? requestId = _settings.Redactor.Redact(ResponseHeaders.RequestId(response));
                CallLog.Answered(_logger, method, RouteOf(request), (int)response.StatusCode, Elapsed(started), Attempts(request), requestId, clientRequestId);
            }

            return response;
        }
        catch (TimeoutRejectedException e)
        {
            string route = RouteOf(request);
            CallLog.Failed(_logger, method, route, Elapsed(started), Attempts(request), nameof(TimeoutException), clientRequestId);
            throw new TimeoutException(
                $"{method} {route} did not complete within {e.Timeout.TotalSeconds:0.###} s " +
                $"(attempt timeout {_settings.AttemptTimeout.TotalSeconds:0.###} s, total timeout {_settings.TotalTimeout.TotalSeconds:0.###} s). " +
                $"Client request id: {clientRequestId}.");
        }
        catch (Exception e)
        {
            CallLog.Failed(_logger, method, RouteOf(request), Elapsed(started), Attempts(request), e.GetType().Name, clientRequestId);
            throw;
        }
    }

    private static double Elapsed(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
