using System.Net.Http.Headers;
using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Client.Transport;

/// <summary>
/// Adds the API key (<c>Authorization: Bearer</c>) and the session cookie (<c>__session</c>) to requests bound for the
/// base address's origin, and to no other; and adopts a session token the server rotates in, from a
/// <c>Set-Cookie: __session=…</c> or an <c>X-Development-Session</c> response header.
/// </summary>
internal sealed class AuthenticationHandler : DelegatingHandler
{
    internal const string SessionCookie = "__session";
    internal const string DevelopmentSessionHeader = "X-Development-Session";

    private readonly ClientSettings _settings;
    private readonly ILogger _logger;
    private readonly AuthenticationHeaderValue? _authorization;

    internal AuthenticationHandler(ClientSettings settings, ILogger logger)
    {
        _settings = settings;
        _logger = logger;
        _authorization = settings.ApiKey is null ? null : new AuthenticationHeaderValue("Bearer", settings.ApiKey);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("Cookie");
        bool sameOrigin = _settings.IsSameOrigin(request.RequestUri);
        string? sentWith = null;
        if (sameOrigin)
        {
            if (_authorization is not null)
            {
                request.Headers.Authorization = _authorization;
            }

            if (_settings.Session.Current is { } token)
            {
                sentWith = token;
                request.Headers.TryAddWithoutValidation("Cookie", SessionCookie + "=" + token);
            }
        }
        else
        {
            request.Headers.Authorization = null;
        }

        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (sentWith is not null && RotatedToken(response) is { } rotated)
        {
            Rotate(request, rotated, sentWith);
        }

        return response;
    }

    private void Rotate(HttpRequestMessage request, string token, string sentWith)
    {
        try
        {
            if (_settings.Session.TryRotate(token, sentWith))
            {
                CallLog.SessionRotated(_logger, ClientRequestHandler.RouteOf(request));
            }
        }
        catch (Exception e)
        {
            // The caller's callback failed: the call itself succeeded and the new token is in use.
            CallLog.SessionCallbackFailed(_logger, e.GetType().Name);
        }
    }

    /// <summary>The session token a response sets, if it sets one: the cookie first, then the development header.</summary>
    internal static string? RotatedToken(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out IEnumerable<string>? cookies))
        {
            foreach (string cookie in cookies)
            {
                int equals = cookie.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0 && cookie.AsSpan(0, equals).Trim().SequenceEqual(SessionCookie))
                {
                    int end = cookie.IndexOf(';', equals);
                    string value = (end < 0 ? cookie[(equals + 1)..] : cookie[(equals + 1)..end]).Trim().Trim('"');
                    return value.Length == 0 ? null : value;
                }
            }
        }

        return response.Headers.TryGetValues(DevelopmentSessionHeader, out IEnumerable<string>? values)
            && values.FirstOrDefault() is { Length: > 0 } header
            ? header.Trim()
            : null;
    }
}
