using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Diagnostics;
using CustomerAddresses.Client.Protocol;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace CustomerAddresses.Client.Transport;

/// <summary>
/// The outermost handler, run once per call (not per attempt). Every request the client sends, whether Refit built
/// it or it follows a <c>next</c> link, gets <c>Accept: application/json</c> and one <c>X-Client-Request-Id</c> that
/// stays the same on every attempt, so server logs can join the attempts of one call. It adds the API key
/// (<c>Authorization: Bearer</c>) and the session cookie (<c>__session</c>) to requests bound for the base address's
/// origin, and to no other; masks every session token an answer sets (<c>Set-Cookie: __session=…</c> or
/// <c>X-Development-Session</c>) and adopts it when it is newer; and sends a request the server refused (401) for a
/// session that has rotated since once more with the newer token. It turns any timeout into a <see cref="TimeoutException"/> so that no Polly type
/// reaches the caller, and logs each call's start and end by the operation's route template (never a URL, query
/// string or id).
/// </summary>
/// <remarks>
/// Under dependency injection the resilience handler and the in-attempt body buffering are separate handlers below
/// this one, because a caller may replace the first; so this handler also bounds the whole call, body reading
/// included, by the total timeout. The standalone client's pipeline cannot be replaced: there this one handler runs it
/// too, each attempt sending to the socket handler and buffering the body itself, with no other handler in between
/// (one async layer per call instead of four) and no second deadline (the pipeline's total timeout bounds the body).
/// </remarks>
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

    // The standalone client's fixed pipeline, run here; null under dependency injection, where the factory's
    // handlers below this one run the (replaceable) pipeline and buffer the body.
    private readonly ResiliencePipeline<HttpResponseMessage>? _pipeline;

    /// <param name="settings">The client's settings.</param>
    /// <param name="logger">The client's logger.</param>
    /// <param name="pipeline">
    /// The standalone client's pipeline: this handler then runs it, and each attempt sends to the inner handler (the
    /// socket handler) and reads the body in full. Null under dependency injection.
    /// </param>
    internal ClientRequestHandler(ClientSettings settings, ILogger logger, ResiliencePipeline<HttpResponseMessage>? pipeline = null)
    {
        _settings = settings;
        _logger = logger;
        _pipeline = pipeline;
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
        string? clientRequestId = PrepareHeaders(request);
        string method = request.Method.Method;
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            CallLog.Sending(_logger, method, RouteOf(request), clientRequestId);
        }

        long started = Stopwatch.GetTimestamp();
        request.Options.Set(StartedKey, _settings.TimeProvider.GetTimestamp());

        // Under dependency injection, the total timeout again, outside any pipeline: a pipeline the caller replaced may
        // leave the body read unbounded.
        using CallDeadline deadline = _pipeline is not null ? default : CallDeadline.Start(_settings.TotalTimeout, _settings.TimeProvider, cancellationToken);

        // The standalone pipeline bounds one run by the total timeout; waiting for a rotated session and sending again
        // run within what is left of the call's.
        CallDeadline rest = default;
        try
        {
            HttpResponseMessage response;
            for (int resends = 0; ; resends++)
            {
                string? sentSession = AddCredentials(request);
                CancellationToken token = _pipeline is null ? deadline.Token : resends == 0 ? cancellationToken : rest.Token;

                // A request carrying the session is on the wire, for SessionCredential.WaitForNewerAsync, until its
                // answer's token has been taken.
                long onWire = sentSession is null ? -1 : _settings.Session.Sending();
                try
                {
                    response = await (_pipeline is null ? base.SendAsync(request, token) : SendThroughPipelineAsync(_pipeline, request, token)).ConfigureAwait(false);
                    TakeSession(request, response);
                }
                finally
                {
                    if (onWire >= 0)
                    {
                        _settings.Session.Answered(onWire);
                    }
                }

                if (response.StatusCode != HttpStatusCode.Unauthorized || sentSession is null || resends == MaxSessionResends)
                {
                    break;
                }

                TimeSpan remaining = Remaining(request, _settings);
                if (remaining <= TimeSpan.Zero)
                {
                    break;
                }

                if (_pipeline is not null && resends == 0)
                {
                    rest = CallDeadline.Start(remaining, _settings.TimeProvider, cancellationToken);
                }

                if (!await _settings.Session.WaitForNewerAsync(sentSession, _pipeline is null ? deadline.Token : rest.Token).ConfigureAwait(false))
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
        catch (OperationCanceledException) when ((deadline.IsCancellationRequested || rest.IsCancellationRequested) && !cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(request, method, started, clientRequestId, _settings.TotalTimeout);
        }
        catch (Exception e)
        {
            CallLog.Failed(_logger, method, RouteOf(request), Elapsed(started), Attempts(request), e.GetType().Name, clientRequestId);
            throw;
        }
        finally
        {
            rest.Dispose();
        }
    }

    /// <summary>Adds the call's headers and returns its client request id.</summary>
    private string? PrepareHeaders(HttpRequestMessage request)
    {
        HttpRequestHeaders headers = request.Headers;
        string? clientRequestId = IdOf(request);
        if (clientRequestId is null)
        {
            clientRequestId = NewRequestId();
            headers.TryAddWithoutValidation(HeaderName, clientRequestId);
        }

        if (headers.Accept.Count == 0)
        {
            headers.Accept.Add(s_json);
        }

        if (_settings.Dialect == ApiDialect.PaddleBilling && !headers.NonValidated.Contains(PaddleVersionHeader))
        {
            headers.TryAddWithoutValidation(PaddleVersionHeader, "1");
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
            $"(attempt timeout {_settings.AttemptTimeout.TotalSeconds:0.###} s, total timeout {_settings.TotalTimeout.TotalSeconds:0.###} s). " +
            $"Client request id: {clientRequestId}.");
    }

    /// <summary>What is left of the call's total timeout, by the configured clock; the whole timeout before the call started.</summary>
    internal static TimeSpan Remaining(HttpRequestMessage request, ClientSettings settings) =>
        request.Options.TryGetValue(StartedKey, out long startedAt)
            ? settings.TotalTimeout - settings.TimeProvider.GetElapsedTime(startedAt)
            : settings.TotalTimeout;

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
