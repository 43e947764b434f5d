using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CustomerAddresses.Client.Testing;

/// <summary>
/// The signed-in session of the billing endpoints. Every <c>rotateEvery</c> signed-in requests it issues a new token,
/// sent back as <c>Set-Cookie: __session=…</c> (or an <c>X-Development-Session</c> header on a development
/// deployment). The tokens of the last two rotations are still accepted, for requests already under way (Wacht's
/// server, too, accepts an expired token to refresh it); any older one answers 401.
/// </summary>
/// <remarks>
/// A new token is a JWT as Wacht's server signs one (ES256; <c>exp</c>, <c>iat</c>, <c>iss</c>, <c>nbf</c>,
/// <c>rotating_token</c>, <c>sess</c>), with the emulator's own key. Wacht's server writes <c>iat</c> in whole seconds
/// and rotates a session once per token lifetime; the emulator rotates up to thousands of times a second, so its
/// <c>iat</c> carries microseconds (RFC 7519 allows a fraction) and strictly increases, keeping the issue order readable
/// from the token as it is on the real server.
/// </remarks>
internal sealed class SessionState(string? token, int rotateEvery, IdGenerator ids, TimeProvider time) : IDisposable
{
    private const int Grace = 2;
    private static readonly TimeSpan s_lifetime = TimeSpan.FromHours(24);
    private readonly object _gate = new();
    private readonly Queue<string> _previous = new();
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string _session = ids.NextSnowflake();
    private string? _current = token;
    private long _signedIn;
    private long _lastIssuedMicroseconds;

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

                _current = rotated = Issue();
                Rotations++;
            }

            return true;
        }
    }

    /// <summary>A new session JWT, issued after every earlier one.</summary>
    private string Issue()
    {
        DateTimeOffset now = time.GetUtcNow();
        long issued = Math.Max(now.ToUnixTimeMilliseconds() * 1000 + (now.Ticks / 10 % 1000), _lastIssuedMicroseconds + 1);
        _lastIssuedMicroseconds = issued;
        string iat = (issued / 1_000_000m).ToString("0.000000", CultureInfo.InvariantCulture);
        long expires = (issued / 1_000_000) + (long)s_lifetime.TotalSeconds;
        string header = Encode("""{"alg":"ES256","typ":"JWT"}""");
        string payload = Encode(string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"exp":{{expires}},"iat":{{iat}},"iss":"https://customeraddresses-emulator","nbf":{{iat}},"rotating_token":"{{ids.NextSnowflake()}}","sess":{{_session}}}"""));
        byte[] signature = _key.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256);
        return header + "." + payload + "." + Base64Url.EncodeToString(signature);
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    public void Dispose() => _key.Dispose();
}
