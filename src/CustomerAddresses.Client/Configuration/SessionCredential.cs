using CustomerAddresses.Client.Diagnostics;

namespace CustomerAddresses.Client.Configuration;

/// <summary>
/// The session token a client sends, shared by every client built from the same settings. The server may rotate it
/// (a new <c>__session</c> cookie, or an <c>X-Development-Session</c> header on development deployments); the new
/// token is used from the next request on, is masked like the first, and is handed to the caller's callback.
/// </summary>
internal sealed class SessionCredential
{
    private readonly SecretRedactor _redactor;
    private readonly Action<string>? _rotated;
    private string? _current;

    internal SessionCredential(string? initial, SecretRedactor redactor, Action<string>? rotated)
    {
        _current = initial;
        _redactor = redactor;
        _rotated = rotated;
    }

    /// <summary>The token to send now; null when the client was given none.</summary>
    internal string? Current => Volatile.Read(ref _current);

    /// <summary>
    /// Adopts a token the server issued in answer to a request sent with <paramref name="sentWith"/>. Only an answer to
    /// a request that carried the current token moves it on: an answer to an older request may carry a token older
    /// than the current one (responses of concurrent calls arrive in any order), and the session never moves back.
    /// Returns false, changing nothing, in that case, when the client has no session, when the token is the current
    /// one, or when it could not be sent as a cookie value.
    /// </summary>
    /// <exception cref="Exception">Whatever the caller's rotation callback throws, after the token was adopted.</exception>
    internal bool TryRotate(string? token, string? sentWith)
    {
        string? current = Current;
        if (current is null || sentWith != current || string.IsNullOrEmpty(token) || token == current || !ClientSettings.IsCookieSafe(token))
        {
            return false;
        }

        _redactor.Add(token); // masked before anything can print it
        if (Interlocked.CompareExchange(ref _current, token, current) != current)
        {
            return false; // a concurrent answer moved it on first; that token stands
        }

        _rotated?.Invoke(token);
        return true;
    }
}
