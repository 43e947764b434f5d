using System.Net.Http.Headers;
using CustomerAddresses.Client.Diagnostics;

namespace CustomerAddresses.Client.Protocol;

/// <summary>Where a session token travels: the <c>__session</c> cookie a request carries, and what an answer sets.</summary>
internal static class SessionHeaders
{
    internal const string SessionCookie = "__session";
    internal const string SetCookieHeader = "Set-Cookie";
    internal const string DevelopmentSessionHeader = "X-Development-Session";

    /// <summary>Whether an answer has a header that may set a session token (a cheap test before reading them).</summary>
    internal static bool SetsAny(HttpResponseMessage response) =>
        response.Headers.NonValidated.Contains(SetCookieHeader) || response.Headers.NonValidated.Contains(DevelopmentSessionHeader);

    /// <summary>
    /// Every session token an answer sets: the <c>__session</c> cookies first, then the development header's values;
    /// unquoted and trimmed, empty ones left out. The first is the one adopted; all of them are masked.
    /// </summary>
    internal static IEnumerable<string> AllSet(HttpResponseMessage response)
    {
        if (response.Headers.NonValidated.TryGetValues(SetCookieHeader, out HeaderStringValues cookies))
        {
            foreach (string cookie in cookies)
            {
                if (CookieValue(cookie) is { } value)
                {
                    yield return value;
                }
            }
        }

        if (response.Headers.NonValidated.TryGetValues(DevelopmentSessionHeader, out HeaderStringValues values))
        {
            foreach (string value in values)
            {
                if (value.Trim() is { Length: > 0 } token)
                {
                    yield return token;
                }
            }
        }
    }

    /// <summary>The session token a request carried in its <c>Cookie</c> header, if any.</summary>
    internal static string? Sent(HttpRequestMessage? request)
    {
        if (request is null || !request.Headers.NonValidated.TryGetValues("Cookie", out HeaderStringValues headers))
        {
            return null;
        }

        foreach (string header in headers)
        {
            foreach (string pair in header.Split(';'))
            {
                if (CookieValue(pair) is { } value)
                {
                    return value;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The redactor of a call's texts: the client's, plus the session tokens this exchange carried and set (however many
    /// rotations pushed them out of the client's since).
    /// </summary>
    internal static SecretRedactor RedactorFor(SecretRedactor redactor, HttpResponseMessage response)
    {
        List<string>? tokens = null;
        if (Sent(response.RequestMessage) is { } sent)
        {
            (tokens ??= []).Add(sent);
        }

        if (SetsAny(response))
        {
            foreach (string set in AllSet(response))
            {
                (tokens ??= []).Add(set);
            }
        }

        return tokens is null ? redactor : redactor.ForExchange(tokens);
    }

    /// <summary>The value of <c>__session=value</c> (up to a <c>;</c>), unquoted and trimmed; null for another cookie or an empty value.</summary>
    private static string? CookieValue(string cookie)
    {
        int equals = cookie.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || !cookie.AsSpan(0, equals).Trim().SequenceEqual(SessionCookie))
        {
            return null;
        }

        int stop = cookie.IndexOf(';', equals);
        string value = (stop < 0 ? cookie[(equals + 1)..] : cookie[(equals + 1)..stop]).Trim().Trim('"');
        return value.Length == 0 ? null : value;
    }
}
