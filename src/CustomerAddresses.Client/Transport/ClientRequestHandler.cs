using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Diagnostics;
using CustomerAddresses.Client.Protocol;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace CustomerAddresses.Client.Transport;

/// <summary>
/// The outermost handler of every client's one chain (<c>ClientPipeline</c> builds it standalone, dependency injection
/// registers the same handlers in the same order): this handler → the resilience handler (retries, timeouts) → the
/// in-attempt body read → the socket. It runs once per call (not per attempt). Every request the client sends, whether
/// Refit built it or it follows a <c>next</c> link, gets <c>Accept: application/json</c>, the caller's headers, and one
/// <c>X-Client-Request-Id</c> that stays the same on every attempt, so server logs can join the attempts of one call. It
/// adds the API key (<c>Authorization: Bearer</c>) and the session cookie (<c>__session</c>) to requests bound for the
/// base address's origin, and to no other; masks every session token an answer sets (<c>Set-Cookie: __session=…</c> or
/// <c>X-Development-Session</c>) and adopts it when it is newer; and sends a request the server refused (401) for a
/// session that has rotated since once more with the newer token. It bounds the whole call, body reading included, by
/// the call's total timeout (a pipeline the caller replaced may leave it unbounded), turns any timeout into a
/// <see cref="TimeoutException"/> so that no Polly type reaches the caller, and logs each call's start and end by the
/// operation's route template (never a URL, query string or id).
/// </summary>
internal sealed partial class ClientRequestHandler : DelegatingHandler
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
    private readonly AuthenticationHeaderValue? _authorization;

    /// <param name="settings">The client's settings.</param>
    /// <param name="logger">The client's logger.</param>
    internal ClientRequestHandler(ClientSettings settings, ILogger logger)
    {
        _settings = settings;
        _logger = logger;
        _authorization = settings.ApiKey is null ? null : new AuthenticationHeaderValue("Bearer", settings.ApiKey);
    }

    internal static void CountRetry(HttpRequestMessage request) =>
        request.Options.Set(RetriesKey, (request.Options.TryGetValue(RetriesKey, out int retries) ? retries : 0) + 1);

    private static int Attempts(HttpRequestMessage request) =>
        1 + (request.Options.TryGetValue(RetriesKey, out int retries) ? retries : 0);

    internal static string? IdOf(HttpRequestMessage request) =>
        request.Headers.NonValidated.TryGetValues(HeaderName, out HeaderStringValues values) ? FirstValue(values) : null;

    /// <summary>The route template of the operation that sent the request, for log lines.</summary>
    internal static string RouteOf(HttpRequestMessage request) => OperationInfo.Of(request)?.Route ?? "(not an SDK operation)";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        CallContext? call = CallContext.Of(request);
        string? clientRequestId = PrepareHeaders(request, call);
        string method = request.Method.Method;
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            CallLog.Sending(_logger, method, RouteOf(request), clientRequestId);
        }

        long started = Stopwatch.GetTimestamp();
        request.Options.Set(StartedKey, _settings.TimeProvider.GetTimestamp());
        TimeSpan total = call?.Timeout ?? _settings.TotalTimeout;
        using CallDeadline deadline = CallDeadline.Start(total, _settings.TimeProvider, cancellationToken);
        try
        {
            HttpResponseMessage response;
            int resendsWithRefusedTokens = 0;
            for (int resends = 0; ; resends++)
            {
                string? sentSession = AddCredentials(request);

                // A request carrying the session is on the wire, for SessionCredential.WaitForNewerAsync, until its
                // answer's token has been taken.
                long onWire = sentSession is null ? -1 : _settings.Session.Sending();
                try
                {
                    response = await base.SendAsync(request, deadline.Token).ConfigureAwait(false);
                    TakeSession(request, response);
                }
                finally
                {
                    if (onWire >= 0)
                    {
                        _settings.Session.Answered(onWire);
                    }
                }

                if (response.StatusCode != HttpStatusCode.Unauthorized || sentSession is null || resends == MaxSessionResends
                    || Remaining(request, _settings) <= TimeSpan.Zero
                    || !await _settings.Session.WaitForNewerAsync(sentSession, deadline.Token).ConfigureAwait(false)
                    || (_settings.Session.CurrentCameWithRefusal && ++resendsWithRefusedTokens > MaxResendsWithRefusedTokens))
                {
                    break;
                }

                response.Dispose();
                CallLog.SessionResent(_logger, method, RouteOf(request), clientRequestId);
            }

            if (_logger.IsEnabled(LogLevel.Information))
            {
                string? requestId = ResponseHeaders.RequestId(response) is { } id
                    ? LogText.OneLine(SessionHeaders.RedactorFor(_settings.Redactor, response).Redact(id), 100)
                    : null;
                CallLog.Answered(_logger, method, RouteOf(request), (int)response.StatusCode, Elapsed(started), Attempts(request), requestId, clientRequestId);
            }

            return response;
        }
        catch (TimeoutRejectedException e)
        {
            throw TimedOut(request, method, started, clientRequestId, e.Timeout);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(request, method, started, clientRequestId, total);
        }
        catch (Exception e)
        {
            CallLog.Failed(_logger, method, RouteOf(request), Elapsed(started), Attempts(request), e.GetType().Name, clientRequestId);
            throw;
        }
    }

    /// <summary>Adds the call's headers (the caller's among them) and returns its client request id.</summary>
    private string? PrepareHeaders(HttpRequestMessage request, CallContext? call)
    {
        HttpRequestHeaders headers = request.Headers;
        string? clientRequestId = IdOf(request);
        if (clientRequestId is null)
        {
            clientRequestId = call?.Options?.ClientRequestId ?? NewRequestId();
            headers.TryAddWithoutValidation(HeaderName, clientRequestId);
        }

        if (call is { Headers.Count: > 0 })
        {
            foreach ((string name, string value) in call.Headers)
            {
                headers.Remove(name);
                headers.TryAddWithoutValidation(name, value);
            }
        }

        if (headers.Accept.Count == 0)
        {
            headers.Accept.Add(s_json);
        }

        // The socket handler sends a request that has no content again, by itself and unseen by the retry rules, when a
        // reused connection closes before the first byte of the answer: exactly what a server that read the request and
        // then failed looks like. A request with content, even empty, is never sent again that way, so every request that
        // must not be repeated carries one. The wire is the same (Content-Length: 0).
        if (request.Content is null && !OperationInfo.IsIdempotentRequest(request))
        {
            request.Content = new ByteArrayContent([]);
        }

        if (_settings.Dialect.PaddleVersion is { } version && !headers.NonValidated.Contains(PaddleVersionHeader))
        {
            headers.TryAddWithoutValidation(PaddleVersionHeader, version);
        }

        return clientRequestId;
    }

    /// <summary>
    /// A random version-4 GUID. A correlation id needs to be unique, not unpredictable: the shared pseudo-random
    /// generator (seeded per process from the system's secure source) is an order of magnitude cheaper than
    /// <see cref="Guid.NewGuid"/>, which asks the operating system for secure bytes on every call.
    /// </summary>
    internal static string NewRequestId()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (Guid's little-endian layout: the high byte of its third group)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes).ToString("D");
    }

    private TimeoutException TimedOut(HttpRequestMessage request, string method, long started, string? clientRequestId, TimeSpan limit)
    {
        string route = RouteOf(request);
        CallLog.Failed(_logger, method, route, Elapsed(started), Attempts(request), nameof(TimeoutException), clientRequestId);
        return new TimeoutException(
            $"{method} {route} did not complete within {limit.TotalSeconds:0.###} s " +
            $"(attempt timeout {_settings.AttemptTimeout.TotalSeconds:0.###} s, total timeout {TotalTimeout(request, _settings).TotalSeconds:0.###} s). " +
            $"Client request id: {clientRequestId}.");
    }

    /// <summary>A call's total timeout: its own (<see cref="RequestOptions.Timeout"/>), or the client's.</summary>
    internal static TimeSpan TotalTimeout(HttpRequestMessage? request, ClientSettings settings) =>
        (request is null ? null : CallContext.Of(request)?.Timeout) ?? settings.TotalTimeout;

    /// <summary>What is left of the call's total timeout, by the configured clock; the whole timeout before the call started.</summary>
    internal static TimeSpan Remaining(HttpRequestMessage request, ClientSettings settings) =>
        request.Options.TryGetValue(StartedKey, out long startedAt)
            ? TotalTimeout(request, settings) - settings.TimeProvider.GetElapsedTime(startedAt)
            : TotalTimeout(request, settings);

    private static double Elapsed(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private static string? FirstValue(HeaderStringValues values)
    {
        foreach (string value in values)
        {
            return value;
        }

        return null;
    }
}
