using System.Security.Cryptography;

namespace CustomerAddresses.Client.Testing;

/// <summary>
/// The signed-in session of the billing endpoints. Every <c>rotateEvery</c> signed-in requests it issues a new token,
/// sent back as <c>Set-Cookie: __session=…</c> (or an <c>X-Development-Session</c> header on a development
/// deployment). The tokens of the last two rotations are still accepted, for requests already under way (Wacht's
/// server, too, accepts an expired token to refresh it); any older one answers 401.
/// </summary>
internal sealed class SessionState(string? token, int rotateEvery)
{
    private readonly object _gate = new();
    private const int Grace = 2;
    private readonly Queue<string> _previous = new();
    private string? _current = token;
    private long _signedIn;

    internal string? Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    internal int Rotations { get; private set; }

    /// <summary>Checks a request's token; on success, returns the token to rotate to, if this request is the one that rotates.</summary>
    internal bool TryAccept(string? presented, out string? rotated)
    {
        rotated = null;
        lock (_gate)
        {
            if (_current is null)
            {
                return true; // no sign-in required
            }

            if (presented is null || (presented != _current && !_previous.Contains(presented)))
            {
                return false;
            }

            if (rotateEvery > 0 && ++_signedIn % rotateEvery == 0)
            {
                _previous.Enqueue(_current);
                if (_previous.Count > Grace)
                {
                    _previous.Dequeue();
                }

                _current = rotated = "sess_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                Rotations++;
            }

            return true;
        }
    }
}
