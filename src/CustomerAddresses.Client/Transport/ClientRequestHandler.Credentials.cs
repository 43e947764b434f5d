using System.Net.Http.Headers;
using CustomerAddresses.Client.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Client.Transport;

/// <summary>The handler's credentials: the API key and the session cookie, sent to the base address's origin only, and the session token the server rotates in.</summary>
internal sealed partial class ClientRequestHandler
{
    internal const string SessionCookie = "__session";
    internal const string DevelopmentSessionHeader = "X-Development-Session";

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
            headers.TryAddWithoutValidation("Cookie", SessionCookie + "=" + token);
            return token;
        }

        return null;
    }

    private void Rotate(HttpRequestMessage request, string token, string sentWith)
    {
        try
        {
            if (_settings.Session.TryRotate(token, sentWith))
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

    /// <summary>The session token a response sets, if it sets one: the cookie first, then the development header.</summary>
    internal static string? RotatedToken(HttpResponseMessage response)
    {
        if (response.Headers.NonValidated.TryGetValues("Set-Cookie", out HeaderStringValues cookies))
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

        return response.Headers.NonValidated.TryGetValues(DevelopmentSessionHeader, out HeaderStringValues values)
            && FirstValue(values) is { Length: > 0 } header
            ? header.Trim()
            : null;
    }

    private static string? FirstValue(HeaderStringValues values)
    {
        foreach (string value in values)
        {
            return value;
        }

        return null;
    }
}
