using System.Net.Http.Headers;
using CustomerAddresses.Client.Diagnostics;
using CustomerAddresses.Client.Protocol;
using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Client.Transport;

/// <summary>
/// The handler's credentials: the API key and the session cookie, sent to the base address's origin only; the session
/// tokens answers set, masked as soon as they are read and adopted when newer; and a request the server refused for a
/// session that has since rotated, sent again with the newer token.
/// </summary>
internal sealed partial class ClientRequestHandler
{
    /// <summary>
    /// How many times one call is sent again at most, within its total timeout, because the server refused the session
    /// it carried (401) and the client has adopted a newer one since. A 401 is decided before the server does anything,
    /// so even a create is safe to send again. Each resend follows a rotation the server made while accepting other
    /// requests, so the session is alive and the call is only unlucky: a session rotated every second request under 32
    /// concurrent callers needed up to 70 resends on an idle machine and up to 85 on one whose cores were busy, so the
    /// bound is far above what a live session needs; the total timeout ends the call first.
    /// </summary>
    internal const int MaxSessionResends = 1_000;

    /// <summary>
    /// How many times one call is sent again with a token that came with a refusal (a 401 that set a new token): a
    /// server that rotates on every refusal never accepts the session, and a call must not follow it for its whole
    /// total timeout.
    /// </summary>
    internal const int MaxResendsWithRefusedTokens = 3;

    /// <summary>Adds the credentials to a request bound for the base address's origin; returns the session token it carries.</summary>
    private string? AddCredentials(HttpRequestMessage request)
    {
        HttpRequestHeaders headers = request.Headers;
        headers.Remove("Cookie");
        if (!_settings.IsSameOrigin(request.RequestUri))
        {
            headers.Authorization = null;
            return null;
        }

        if (_authorization is not null)
        {
            headers.Authorization = _authorization;
        }

        if (_settings.Session.Current is { } token)
        {
            headers.TryAddWithoutValidation("Cookie", SessionHeaders.SessionCookie + "=" + token);
            return token;
        }

        return null;
    }

    /// <summary>
    /// Reads the session tokens an answer sets: each is masked from now on, whether or not it is adopted, and the first is
    /// adopted when it is newer than the current one.
    /// </summary>
    private void TakeSession(HttpRequestMessage request, HttpResponseMessage response)
    {
        if (!SessionHeaders.SetsAny(response))
        {
            return;
        }

        string? first = null;
        foreach (string token in SessionHeaders.AllSet(response))
        {
            _settings.Redactor.Remember(token);
            first ??= token;
        }

        if (first is null)
        {
            return;
        }

        try
        {
            if (_settings.Session.TryRotate(first, withRefusal: response.StatusCode == System.Net.HttpStatusCode.Unauthorized))
            {
                CallLog.SessionRotated(_logger, RouteOf(request));
            }
        }
        catch (Exception e)
        {
            // The caller's callback failed: the call itself succeeded and the new token is in use.
            CallLog.SessionCallbackFailed(_logger, e.GetType().Name);
        }
    }
}
