using Microsoft.Extensions.Configuration;

namespace CustomerAddresses.Client.Configuration;

/// <summary>
/// Binds the options from a configuration section with the configuration-binding source generator (no reflection: trim
/// and AOT safe). A key the options do not have is an error naming it, not a setting silently ignored; a key of the flat
/// layout before 1.0 names where it moved. The callback, the logger factory and the clock are not configuration: they
/// are left out of what is bound (<see cref="Configurable"/>), and a key of that name is unknown.
/// </summary>
internal static class OptionsBinding
{
    /// <summary>The flat keys of the options before 1.0, and where each moved.</summary>
    private static readonly Dictionary<string, string> s_moved = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MaxRetries"] = "Retry:MaxRetries",
        ["BaseDelay"] = "Retry:BaseDelay",
        ["MaxDelay"] = "Retry:MaxDelay",
        ["MaxRetryAfter"] = "Retry:MaxRetryAfter",
        ["RetryUnsafeRequests"] = "Retry:RetryUnsafeRequests",
        ["AttemptTimeout"] = "Timeouts:Attempt",
        ["TotalTimeout"] = "Timeouts:Total",
    };

    /// <exception cref="InvalidOperationException">A key is unknown or moved, or a value cannot be read as its option's type.</exception>
    internal static void Bind(IConfiguration section, CustomerAddressesClientOptions options)
    {
        string path = section is IConfigurationSection named ? named.Path + ":" : string.Empty;
        foreach (IConfigurationSection child in section.GetChildren())
        {
            if (s_moved.TryGetValue(child.Key, out string? moved))
            {
                throw new InvalidOperationException(
                    $"Configuration key '{path}{child.Key}' moved to '{path}{moved}' in version 1.0 of CustomerAddresses.Client.");
            }
        }

        if (section[nameof(Configurable.Dialect)] is { Length: > 0 } dialect && int.TryParse(dialect, out _))
        {
            throw new InvalidOperationException(
                $"Configuration value '{path}{nameof(Configurable.Dialect)}' must be {nameof(ApiDialect.CustomersApiV1)} or {nameof(ApiDialect.PaddleBilling)}, not a number.");
        }

        var configured = new Configurable { Retry = options.Retry, Timeouts = options.Timeouts };
        section.Bind(configured, static binder => binder.ErrorOnUnknownConfiguration = true);
        if (configured.BaseAddress is { IsAbsoluteUri: false })
        {
            throw new InvalidOperationException($"Configuration value '{path}{nameof(Configurable.BaseAddress)}' is not an absolute URI.");
        }

        options.BaseAddress = configured.BaseAddress ?? options.BaseAddress;
        options.Dialect = configured.Dialect ?? options.Dialect;
        options.ApiKey = configured.ApiKey ?? options.ApiKey;
        options.SessionToken = configured.SessionToken ?? options.SessionToken;
        options.AllowInsecureHttp = configured.AllowInsecureHttp ?? options.AllowInsecureHttp;
        options.Retry = configured.Retry ?? options.Retry;
        options.Timeouts = configured.Timeouts ?? options.Timeouts;
        options.RequestsPerMinute = configured.RequestsPerMinute ?? options.RequestsPerMinute;
    }

    /// <summary>The options that configuration sets: the public ones but the callback, the logger factory and the clock.</summary>
    internal sealed class Configurable
    {
        public Uri? BaseAddress { get; set; }

        public ApiDialect? Dialect { get; set; }

        public string? ApiKey { get; set; }

        public string? SessionToken { get; set; }

        public bool? AllowInsecureHttp { get; set; }

        public CustomerAddressesRetryOptions? Retry { get; set; }

        public CustomerAddressesTimeoutOptions? Timeouts { get; set; }

        public int? RequestsPerMinute { get; set; }
    }
}
