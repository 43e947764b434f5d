using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using CustomerAddresses.Client.Diagnostics;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client.Sessions;

/// <summary>
/// The session token a client sends, shared by every client built from the same settings. The server may rotate it
/// (a new <c>__session</c> cookie, or an <c>X-Development-Session</c> header on development deployments); a token that
/// is newer than the current one is used from the next request on, is masked like the first, and is handed to the
/// caller's callback.
/// </summary>
/// <remarks>
/// <para>
/// Which token is newer: when both are JWTs with a numeric <c>iat</c> (Wacht's sessions are), the later <c>iat</c>,
/// then the later <c>exp</c>; a JWT issued before the newest adopted one is older whatever order answers arrive in.
/// Otherwise (opaque tokens, or two JWTs issued in the same instant) the order the client observes them in: a token
/// never seen before is newer than every token seen before it. A token seen once (adopted, superseded, or refused as
/// older) is never adopted again, so the session never moves back.
/// </para>
/// <para>
/// What is remembered is bounded: the current token, the newest adopted stamp, and a 16-byte hash of each of the last
/// <see cref="RememberedTokens"/> tokens seen, not the tokens themselves.
/// </para>
/// </remarks>
internal sealed class SessionCredential
{
    /// <summary>How many tokens seen are remembered (by hash) so that none of them is adopted again.</summary>
    internal const int RememberedTokens = 1024;

    private readonly object _gate = new();
    private readonly object _callbackGate = new();
    private readonly SecretRedactor _redactor;
    private readonly Action<string>? _rotated;
    private readonly HashSet<UInt128> _seen = [];
    private readonly Queue<UInt128> _seenOrder = new();
    private readonly SortedSet<long> _onWire = [];
    private volatile string? _current;
    private volatile bool _currentCameWithRefusal;
    private SessionTokenStamp? _newest;
    private long _nextSend;
    private int _waiters;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal SessionCredential(string? initial, SecretRedactor redactor, Action<string>? rotated)
    {
        _redactor = redactor;
        _rotated = rotated;
        if (initial is not null)
        {
            _current = initial;
            _newest = SessionTokenStamp.Read(initial);
            Remember(Hash(initial));
            redactor.SetSession(initial);
        }
    }

    /// <summary>The token to send now; null when the client was given none.</summary>
    internal string? Current => _current;

    /// <summary>
    /// Whether the current token came with a refusal (a 401) rather than with an answer the server accepted: a server
    /// that sets a new token on every refusal would otherwise have a refused call sent again for as long as it lasts.
    /// </summary>
    internal bool CurrentCameWithRefusal => _currentCameWithRefusal;

    /// <summary>
    /// Takes a token the server sent in an answer: adopts it when it is newer than the current one (see the remarks of
    /// the class). Returns false, changing nothing, when the client has no session, when the token is not newer, or when
    /// it could not be sent as a cookie value. Masking it is the caller's part, from the moment it read it.
    /// </summary>
    /// <exception cref="Exception">Whatever the caller's rotation callback throws, after the token was adopted.</exception>
    /// <param name="token">The token the answer set.</param>
    /// <param name="withRefusal">Whether the answer was a refusal (401), not an answer the server accepted the session with.</param>
    internal bool TryRotate(string? token, bool withRefusal = false)
    {
        if (_current is null || string.IsNullOrEmpty(token) || !HeaderValues.IsCookieSafe(token))
        {
            return false;
        }

        SessionTokenStamp? stamp = SessionTokenStamp.Read(token);
        UInt128 hash = Hash(token);
        lock (_gate)
        {
            if (_seen.Contains(hash))
            {
                return false; // the current token, or one seen before: never back
            }

            Remember(hash);
            if (stamp is { } issued && _newest is { } newest && issued.CompareIssue(newest) < 0)
            {
                return false; // issued before the newest adopted token: a late answer
            }

            if (stamp is not null)
            {
                _newest = stamp;
            }

            _currentCameWithRefusal = withRefusal;
            _current = token;
            _redactor.SetSession(token);
            Pulse();
        }

        HandOver(token);
        return true;
    }

    /// <summary>Notes that a request carrying the session is on the wire; returns its number for <see cref="Answered"/>.</summary>
    internal long Sending()
    {
        lock (_gate)
        {
            long number = _nextSend++;
            _onWire.Add(number);
            return number;
        }
    }

    /// <summary>Notes that request <paramref name="number"/> was answered (or failed), after its answer's token was taken.</summary>
    internal void Answered(long number)
    {
        lock (_gate)
        {
            _onWire.Remove(number);
            Pulse();
        }
    }

    /// <summary>
    /// After the server refused <paramref name="sent"/>: waits until a newer token is adopted (true), or until every
    /// request that was on the wire when it was refused has been answered without bringing one (false: the refusal stands).
    /// One of those answers may carry the rotation that made <paramref name="sent"/> stale: the server may answer the
    /// refused request before the client has read the answer that rotated the session.
    /// </summary>
    internal async Task<bool> WaitForNewerAsync(string sent, CancellationToken cancellationToken)
    {
        long refusedAt;
        lock (_gate)
        {
            refusedAt = _nextSend;
            _waiters++;
        }

        try
        {
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    if (_current is { } current && current != sent)
                    {
                        return true;
                    }

                    if (_onWire.Count == 0 || _onWire.Min >= refusedAt)
                    {
                        return false;
                    }

                    changed = _changed.Task;
                }

                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            lock (_gate)
            {
                _waiters--;
            }
        }
    }

    /// <summary>Wakes the waiters, if any, to look again (under the lock).</summary>
    private void Pulse()
    {
        if (_waiters > 0)
        {
            TaskCompletionSource changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }
    }

    /// <summary>
    /// Calls the caller's callback with a token just adopted, unless a newer one was adopted meanwhile (its own call
    /// hands that one over): callbacks run one at a time and in adoption order, so a store the callback writes never
    /// ends on an older token.
    /// </summary>
    private void HandOver(string token)
    {
        if (_rotated is null)
        {
            return;
        }

        lock (_callbackGate)
        {
            if (ReferenceEquals(_current, token))
            {
                _rotated(token);
            }
        }
    }

    private void Remember(UInt128 hash)
    {
        if (_seen.Add(hash))
        {
            _seenOrder.Enqueue(hash);
            if (_seenOrder.Count > RememberedTokens)
            {
                _seen.Remove(_seenOrder.Dequeue());
            }
        }
    }

    private static UInt128 Hash(string token)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(token.AsSpan()), digest);
        return new UInt128(BinaryPrimitives.ReadUInt64LittleEndian(digest), BinaryPrimitives.ReadUInt64LittleEndian(digest[8..]));
    }
}
