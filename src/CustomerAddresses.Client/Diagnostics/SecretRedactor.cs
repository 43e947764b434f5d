namespace CustomerAddresses.Client.Diagnostics;

/// <summary>Removes the configured credentials from any text that may reach an exception or a log line.</summary>
internal sealed class SecretRedactor
{
    internal const string Mask = "***";
    private readonly string[] _secrets;

    internal SecretRedactor(params string?[] secrets) =>
        _secrets = secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).Distinct(StringComparer.Ordinal).ToArray();

    internal static SecretRedactor None { get; } = new();

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
