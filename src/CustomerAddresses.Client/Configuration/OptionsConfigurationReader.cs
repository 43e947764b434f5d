using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CustomerAddresses.Client.Configuration;

/// <summary>
/// Reads the options from configuration by hand: no reflection (the package is trimmable and AOT-safe), and a
/// message naming the key when a value cannot be read. A key that is absent leaves the option as it was.
/// </summary>
internal static class OptionsConfigurationReader
{
    internal static void Apply(IConfiguration section, CustomerAddressesClientOptions options)
    {
        string path = section is IConfigurationSection s ? s.Path + ":" : string.Empty;

        if (section[nameof(options.BaseAddress)] is { Length: > 0 } baseAddress)
        {
            options.BaseAddress = Uri.TryCreate(baseAddress, UriKind.Absolute, out Uri? uri)
                ? uri
                : throw new InvalidOperationException($"Configuration value '{path}{nameof(options.BaseAddress)}' is not an absolute URI.");
        }

        if (section[nameof(options.ApiKey)] is { } apiKey)
        {
            options.ApiKey = apiKey;
        }

        if (section[nameof(options.SessionToken)] is { } sessionToken)
        {
            options.SessionToken = sessionToken;
        }

        if (section[nameof(options.Dialect)] is { Length: > 0 } dialect)
        {
            options.Dialect = Enum.TryParse(dialect, ignoreCase: true, out ApiDialect parsed) && Enum.IsDefined(parsed) && !int.TryParse(dialect, out _)
                ? parsed
                : throw new InvalidOperationException($"Configuration value '{path}{nameof(options.Dialect)}' must be {nameof(ApiDialect.CustomersApiV1)} or {nameof(ApiDialect.PaddleBilling)}.");
        }

        options.AllowInsecureHttp = Read(section, path, nameof(options.AllowInsecureHttp), options.AllowInsecureHttp, bool.TryParse, "true or false");
        options.RetryUnsafeRequests = Read(section, path, nameof(options.RetryUnsafeRequests), options.RetryUnsafeRequests, bool.TryParse, "true or false");
        options.MaxRetries = Read(section, path, nameof(options.MaxRetries), options.MaxRetries, TryParseInt, "a whole number");
        options.BaseDelay = Read(section, path, nameof(options.BaseDelay), options.BaseDelay, TryParseTimeSpan, "a time span such as 00:00:01");
        options.MaxDelay = Read(section, path, nameof(options.MaxDelay), options.MaxDelay, TryParseTimeSpan, "a time span such as 00:00:30");
        options.MaxRetryAfter = Read(section, path, nameof(options.MaxRetryAfter), options.MaxRetryAfter, TryParseTimeSpan, "a time span such as 00:01:00");
        options.AttemptTimeout = Read(section, path, nameof(options.AttemptTimeout), options.AttemptTimeout, TryParseTimeSpan, "a time span such as 00:00:10");
        options.TotalTimeout = Read(section, path, nameof(options.TotalTimeout), options.TotalTimeout, TryParseTimeSpan, "a time span such as 00:01:00");
    }

    private delegate bool TryParse<T>(string text, out T value);

    private static T Read<T>(IConfiguration section, string path, string key, T current, TryParse<T> parse, string expected)
    {
        if (section[key] is not { Length: > 0 } text)
        {
            return current;
        }

        return parse(text, out T value)
            ? value
            : throw new InvalidOperationException($"Configuration value '{path}{key}' must be {expected}.");
    }

    private static bool TryParseInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    private static bool TryParseTimeSpan(string text, out TimeSpan value) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
}
