using Microsoft.Extensions.Configuration;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client.Configuration;

/// <summary>
/// Binds <see cref="CustomerAddressesClientOptions"/> from a configuration section, directly and with the
/// configuration-binding source generator (no reflection: trim and AOT safe), so that a new option is configurable the
/// moment it is declared. A key the options do not have is an error naming it, not a setting silently ignored; a key of
/// an earlier layout names where it moved; the members set in code only (the callback, the logger factory and the clock)
/// are refused as keys, with the reason.
/// </summary>
internal static class OptionsBinding
{
    /// <summary>The keys of earlier layouts: where each moved, and in which version.</summary>
    private static readonly Dictionary<string, (string To, string Version)> s_moved = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MaxRetries"] = ("Retry:MaxRetries", "1.0"),
        ["BaseDelay"] = ("Retry:BaseDelay", "1.0"),
        ["MaxDelay"] = ("Retry:MaxDelay", "1.0"),
        ["MaxRetryAfter"] = ("Retry:MaxRetryAfter", "1.0"),
        ["RetryUnsafeRequests"] = ("Retry:RetryUnsafeRequests", "1.0"),
        ["AttemptTimeout"] = ("Timeouts:Attempt", "1.0"),
        ["TotalTimeout"] = ("Timeouts:Total", "1.0"),
        ["RequestsPerMinute"] = ("RateLimit:RequestsPerMinute", "1.1"),
    };

    /// <summary>The options that are objects, not settings: configuration cannot hold them.</summary>
    private static readonly HashSet<string> s_codeOnly = new(StringComparer.OrdinalIgnoreCase)
    {
        nameof(CustomerAddressesClientOptions.SessionTokenRotated),
        nameof(CustomerAddressesClientOptions.LoggerFactory),
        nameof(CustomerAddressesClientOptions.TimeProvider),
    };

    /// <summary>The rate limit's objects set in code only.</summary>
    private static readonly HashSet<string> s_codeOnlyRateLimit = new(StringComparer.OrdinalIgnoreCase)
    {
        nameof(CustomerAddressesRateLimitOptions.Limiter),
        nameof(CustomerAddressesRateLimitOptions.LimiterFactory),
    };

    /// <exception cref="InvalidOperationException">A key is unknown, moved or set in code only, or a value cannot be read as its option's type.</exception>
    internal static void Bind(IConfiguration section, CustomerAddressesClientOptions options)
    {
        string path = section is IConfigurationSection named ? named.Path + ":" : string.Empty;
        foreach (IConfigurationSection child in section.GetChildren())
        {
            if (s_moved.TryGetValue(child.Key, out (string To, string Version) moved))
            {
                throw new InvalidOperationException(
                    $"Configuration key {Echo.Quote(path + child.Key, 200)} moved to {Echo.Quote(path + moved.To, 200)} in version {moved.Version} of CustomerAddresses.Client.");
            }
        }

        RefuseCodeOnly(section, s_codeOnly, nameof(CustomerAddressesClientOptions));
        RefuseCodeOnly(section.GetSection(nameof(CustomerAddressesClientOptions.RateLimit)), s_codeOnlyRateLimit, nameof(CustomerAddressesRateLimitOptions));

        if (section[nameof(CustomerAddressesClientOptions.Dialect)] is { Length: > 0 } dialect && int.TryParse(dialect, out _))
        {
            throw new InvalidOperationException(
                $"Configuration value '{path}{nameof(CustomerAddressesClientOptions.Dialect)}' must be {nameof(ApiDialect.CustomersApiV1)} or {nameof(ApiDialect.PaddleBilling)}, not a number.");
        }

        // The generator skips the members it cannot bind, the three objects above (refused as keys already), and names
        // them in SYSLIB1100 and SYSLIB1101, which the project file silences for that reason.
        section.Bind(options, static binder => binder.ErrorOnUnknownConfiguration = true);
        if (section[nameof(CustomerAddressesClientOptions.BaseAddress)] is not null && options.BaseAddress is { IsAbsoluteUri: false })
        {
            throw new InvalidOperationException($"Configuration value '{path}{nameof(CustomerAddressesClientOptions.BaseAddress)}' is not an absolute URI.");
        }
    }

    /// <summary>
    /// Refuses a key of <paramref name="scope"/> that names a member of <paramref name="type"/> set in code only, naming
    /// that member as it is spelled in code.
    /// </summary>
    private static void RefuseCodeOnly(IConfiguration scope, HashSet<string> codeOnly, string type)
    {
        foreach (IConfigurationSection child in scope.GetChildren())
        {
            if (codeOnly.TryGetValue(child.Key, out string? member))
            {
                throw new InvalidOperationException(
                    $"Configuration key {Echo.Quote(child.Path, 200)} cannot be set from configuration: set {type}.{member} in code.");
            }
        }
    }
}
