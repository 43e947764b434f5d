namespace CustomerAddresses.Client.Diagnostics;

/// <summary>
/// Removes the credentials from any text that may reach an exception or a log line. Thread-safe: a session token the
/// server rotates in is added while calls are under way.
/// </summary>
internal sealed class SecretRedactor
{
    internal const string Mask = "***";
    private readonly object _gate = new();
    private volatile string[] _secrets;

    internal SecretRedactor(params string?[] secrets) =>
        _secrets = secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).Distinct(StringComparer.Ordinal).ToArray();

    internal static SecretRedactor None { get; } = new();

    /// <summary>Adds a secret learnt after construction, such as a rotated session token; earlier ones stay masked too.</summary>
    internal void Add(string secret)
    {
        lock (_gate)
        {
            if (secret.Length > 0 && Array.IndexOf(_secrets, secret) < 0)
            {
                _secrets = [.. _secrets, secret];
            }
        }
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    internal string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (string secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
