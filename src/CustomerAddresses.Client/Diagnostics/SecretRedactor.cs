namespace CustomerAddresses.Client.Diagnostics;

/// <summary>
/// Removes the credentials from any text that may reach an exception or a log line. Thread-safe: session tokens the
/// server sends are added while calls are under way.
/// </summary>
/// <remarks>
/// It keeps only what can still appear, so that a worker whose session rotates for months holds a bounded set: the API
/// key, the current session token, and the last <see cref="RecentTokens"/> other session tokens seen in answers (a
/// concurrent call may still quote one). The tokens a request carried and its answer set are masked in that call's own
/// texts by <see cref="ForExchange"/>, however many rotations happened meanwhile.
/// </remarks>
internal sealed class SecretRedactor
{
    internal const string Mask = "***";

    /// <summary>How many session tokens other than the current one are kept to be masked.</summary>
    internal const int RecentTokens = 4;

    private readonly object _gate = new();
    private readonly string[] _fixed;
    private readonly SecretRedactor? _parent;
    private readonly Queue<string> _recent = new();
    private string? _session;
    private volatile string[] _secrets;

    internal SecretRedactor(params string?[] secrets)
    {
        _fixed = Distinct(secrets);
        _secrets = _fixed;
    }

    /// <summary>A redactor that masks what <paramref name="parent"/> masks, and <paramref name="extra"/> too.</summary>
    private SecretRedactor(SecretRedactor parent, string[] extra)
    {
        _parent = parent;
        _fixed = extra;
        _secrets = extra;
    }

    /// <summary>Makes <paramref name="token"/> the current session token; the one it replaces joins the recent ones.</summary>
    internal void SetSession(string token)
    {
        lock (_gate)
        {
            if (_session == token)
            {
                return;
            }

            if (_session is { } previous)
            {
                AddRecent(previous);
            }

            _session = token;
            Publish();
        }
    }

    /// <summary>Masks a session token read from an answer, adopted or not, from now on (until newer ones push it out).</summary>
    internal void Remember(string token)
    {
        if (token.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (token != _session && !_recent.Contains(token))
            {
                AddRecent(token);
                Publish();
            }
        }
    }

    /// <summary>
    /// The redactor of one exchange: this one, plus the session tokens its request carried and its answer set, so that
    /// the call's exception and log lines mask them even after later rotations pushed them out of this one.
    /// </summary>
    internal SecretRedactor ForExchange(IReadOnlyList<string> tokens) =>
        tokens.Count == 0 ? this : new SecretRedactor(this, Distinct([.. tokens]));

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    internal string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        text = _parent?.Redact(text) ?? text;
        foreach (string secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    private void AddRecent(string token)
    {
        _recent.Enqueue(token);
        while (_recent.Count > RecentTokens)
        {
            _recent.Dequeue();
        }
    }

    /// <summary>The secrets as one array, longest first, so that a token containing another is masked whole.</summary>
    private void Publish()
    {
        IEnumerable<string> all = _session is null ? _fixed.Concat(_recent) : _fixed.Concat(_recent).Append(_session);
        _secrets = [.. all.Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
    }

    private static string[] Distinct(params string?[] secrets) =>
        [.. secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
}
