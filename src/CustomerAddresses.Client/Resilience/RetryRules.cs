using System.Net;
using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Protocol;
using CustomerAddresses.Client.Transport;
using Polly;
using Polly.Timeout;

namespace CustomerAddresses.Client.Resilience;

/// <summary>
/// Which failures are tried again. Reads (GET and the other idempotent methods) are retried on every transient
/// failure. Creates (POST, PATCH) are retried only when the request certainly did not take effect: a 429, or a
/// connection that could not be opened. Never after a 5xx, a timeout, or a connection lost mid-exchange, because
/// the API offers no idempotency key and a create repeated after such a failure could happen twice; unless the caller
/// allows it (<c>RetryUnsafeRequests</c>), and even then never for an operation that makes a secret or a session
/// (<see cref="OperationInfo.IsNeverRepeated"/>).
/// </summary>
internal static class RetryRules
{
    /// <summary>408, 429, 500, 502, 503, 504 and a CDN's 520 to 524.</summary>
    internal static bool IsTransientStatus(HttpStatusCode status) => (int)status is 408 or 429 or 500 or 502 or 503 or 504 or (>= 520 and <= 524);

    /// <summary>Failures that happen before a request can have been sent: the connection was never opened.</summary>
    internal static bool IsConnectFailure(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, ClientSettings settings)
    {
        bool full = IsRepeatable(request, settings);
        if (outcome.Result is { } response)
        {
            bool retryable = response.StatusCode == HttpStatusCode.TooManyRequests || (full && IsTransientStatus(response.StatusCode));

            // Fail fast past the cap, or past what is left of the total timeout: the caller learns the wait from the
            // exception instead of hanging, or instead of a timeout that hides it. Only a response that would be
            // retried has its Retry-After read, so a success costs no header parsing.
            return retryable && !(RetryAfter(response, settings) is { } wait
                && (wait > settings.MaxRetryAfter || (request is not null && wait >= ClientRequestHandler.Remaining(request, settings))));
        }

        return outcome.Exception switch
        {
            ResponseTooLargeException => false,
            HttpRequestException e when IsConnectFailure(e) => true,
            HttpRequestException => full,
            TimeoutRejectedException => full,
            _ => false,
        };
    }

    /// <summary>Whether a request may be repeated after a failure that may have let it take effect.</summary>
    internal static bool IsRepeatable(HttpRequestMessage? request, ClientSettings settings)
    {
        if (request is null)
        {
            return settings.RetryUnsafeRequests;
        }

        if (OperationInfo.Of(request)?.IsNeverRepeated == true)
        {
            return false;
        }

        return settings.RetryUnsafeRequests || OperationInfo.IsIdempotentRequest(request);
    }

    /// <summary>The server's <c>Retry-After</c>, as a wait from now by the configured clock.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response, ClientSettings settings) =>
        ResponseHeaders.RetryAfter(response, settings.TimeProvider);
}
