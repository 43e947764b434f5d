using CustomerAddresses.Client.Diagnostics;
using CustomerAddresses.Client.Primitives;
using CustomerAddresses.Client.RateLimiting;
using CustomerAddresses.Client.Sessions;

namespace CustomerAddresses.Client.Configuration;

/// <summary>
/// A validated, immutable copy of <see cref="CustomerAddressesClientOptions"/>: later changes to the options
/// object do not reach a client that is already built.
/// </summary>
internal sealed class ClientSettings
{
    internal const int MaxRetriesLimit = 10;

    /// <summary>The highest request rate limit an option may set: a thousand a second.</summary>
    internal const int MaxRequestsPerMinute = 60_000;

    /// <summary>The shortest timeout an option or a call may set.</summary>
    internal static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest timeout (and backoff delay) an option or a call may set.</summary>
    internal static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);

    private ClientSettings(CustomerAddressesClientOptions options)
    {
        BaseAddress = NormalizeBaseAddress(options.BaseAddress!);
        Dialect = WireDialect.Of(options.Dialect ?? (PaddleEnvironment.IsPaddleHost(BaseAddress) ? ApiDialect.PaddleBilling : ApiDialect.CustomersApiV1));
        ApiKey = NullIfEmpty(options.ApiKey);
        SessionToken = NullIfEmpty(options.SessionToken);
        TimeProvider = options.TimeProvider;
        Redactor = new SecretRedactor(ApiKey);
        Session = new SessionCredential(SessionToken, Redactor, options.SessionTokenRotated);
        MaxRetries = options.Retry.MaxRetries;
        BaseDelay = options.Retry.BaseDelay;
        MaxDelay = options.Retry.MaxDelay;
        MaxRetryAfter = options.Retry.MaxRetryAfter;
        RetryUnsafeRequests = options.Retry.RetryUnsafeRequests;
        AttemptTimeout = options.Timeouts.Attempt;
        TotalTimeout = options.Timeouts.Total;
        LoggerFactory = options.LoggerFactory;
        RequestsPerMinute = options.RateLimit.RequestsPerMinute;
        Pacer = RequestsPerMinute is { } perMinute ? new RequestPacer(perMinute, TimeProvider) : null;
    }

    /// <summary>The most requests a minute, or null for no limit.</summary>
    internal int? RequestsPerMinute { get; }

    /// <summary>The one limiter of every call of this client, or null for no limit.</summary>
    internal RequestPacer? Pacer { get; }

    /// <summary>What this client sent: every attempt, and the 429s among their answers.</summary>
    internal ClientCounters Counters { get; } = new();

    internal Uri BaseAddress { get; }

    /// <summary>The wire format, chosen once: the option, or the one the base address's host speaks.</summary>
    internal WireDialect Dialect { get; }

    internal string? ApiKey { get; }

    internal string? SessionToken { get; }

    internal TimeProvider TimeProvider { get; }

    internal SecretRedactor Redactor { get; }

    /// <summary>The session token as it is now: the configured one until the server rotates it.</summary>
    internal SessionCredential Session { get; }

    internal int MaxRetries { get; }

    internal TimeSpan BaseDelay { get; }

    internal TimeSpan MaxDelay { get; }

    internal TimeSpan MaxRetryAfter { get; }

    internal TimeSpan AttemptTimeout { get; }

    internal TimeSpan TotalTimeout { get; }

    internal bool RetryUnsafeRequests { get; }

    /// <summary>The standalone client's logging; null under dependency injection, which uses the container's.</summary>
    internal Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; }

    /// <summary>Validates the options and copies them; throws <see cref="ArgumentException"/> listing every problem.</summary>
    internal static ClientSettings From(CustomerAddressesClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = Validate(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "The CustomerAddresses client options are not valid: " + string.Join(" ", problems),
                nameof(options));
        }

        return new ClientSettings(options);
    }

    /// <summary>Every problem with the options, each a sentence that never quotes a credential.</summary>
    internal static IReadOnlyList<string> Validate(CustomerAddressesClientOptions options)
    {
        var problems = new List<string>();
        Uri? baseAddress = options.BaseAddress;
        if (baseAddress is null)
        {
            problems.Add("BaseAddress is required, for example https://api.example.com/.");
        }
        else if (!baseAddress.IsAbsoluteUri)
        {
            problems.Add("BaseAddress must be an absolute URI, for example https://api.example.com/.");
        }
        else
        {
            if (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp)
            {
                problems.Add($"BaseAddress must use https (it uses '{baseAddress.Scheme}').");
            }
            else if (baseAddress.Scheme == Uri.UriSchemeHttp && !baseAddress.IsLoopback && !options.AllowInsecureHttp)
            {
                problems.Add("BaseAddress must use https unless it is a loopback address; set AllowInsecureHttp to allow plain http.");
            }

            if (!string.IsNullOrEmpty(baseAddress.Query) || !string.IsNullOrEmpty(baseAddress.Fragment))
            {
                problems.Add("BaseAddress must not have a query string or fragment: they would be dropped from every request.");
            }

            if (!string.IsNullOrEmpty(baseAddress.UserInfo))
            {
                problems.Add("BaseAddress must not carry user information; use ApiKey or SessionToken.");
            }

            if (PaddleEnvironment.KeyMismatch(baseAddress, options.ApiKey) is { } mismatch)
            {
                problems.Add(mismatch);
            }
        }

        if (options.ApiKey is { } apiKey && !HeaderValues.IsSafe(apiKey))
        {
            problems.Add("ApiKey must not be empty or contain white space or control characters.");
        }

        if (options.SessionToken is { } token && !HeaderValues.IsCookieSafe(token))
        {
            problems.Add("SessionToken must not be empty or contain white space, control characters, ';' or ','.");
        }

        if (options.Dialect is { } dialect && !Enum.IsDefined(dialect))
        {
            problems.Add($"Dialect must be {nameof(ApiDialect.CustomersApiV1)} or {nameof(ApiDialect.PaddleBilling)} (it is {(int)dialect}).");
        }

        if (options.TimeProvider is null)
        {
            problems.Add("TimeProvider must not be null.");
        }

        if (options.RateLimit is not { } rateLimit)
        {
            problems.Add("RateLimit must not be null.");
        }
        else if (rateLimit.RequestsPerMinute is < 1 or > MaxRequestsPerMinute)
        {
            problems.Add($"RateLimit.RequestsPerMinute must be from 1 to {MaxRequestsPerMinute}, or null for no limit (it is {rateLimit.RequestsPerMinute}).");
        }

        if (options.Retry is not { } retry)
        {
            problems.Add("Retry must not be null.");
        }
        else
        {
            if (retry.MaxRetries is < 0 or > MaxRetriesLimit)
            {
                problems.Add($"Retry.MaxRetries must be from 0 to {MaxRetriesLimit} (it is {retry.MaxRetries}).");
            }

            if (retry.BaseDelay < TimeSpan.Zero || retry.BaseDelay > retry.MaxDelay)
            {
                problems.Add($"Retry.BaseDelay must be from zero to Retry.MaxDelay (it is {retry.BaseDelay}, Retry.MaxDelay is {retry.MaxDelay}).");
            }

            if (retry.MaxDelay > MaxTimeout)
            {
                problems.Add($"Retry.MaxDelay must be at most {MaxTimeout} (it is {retry.MaxDelay}).");
            }

            if (retry.MaxRetryAfter < TimeSpan.Zero)
            {
                problems.Add($"Retry.MaxRetryAfter must not be negative (it is {retry.MaxRetryAfter}).");
            }
        }

        if (options.Timeouts is not { } timeouts)
        {
            problems.Add("Timeouts must not be null.");
        }
        else
        {
            foreach ((string name, TimeSpan value) in new[] { ("Timeouts.Attempt", timeouts.Attempt), ("Timeouts.Total", timeouts.Total) })
            {
                if (value < MinTimeout || value > MaxTimeout)
                {
                    problems.Add($"{name} must be from {MinTimeout.TotalMilliseconds} ms to {MaxTimeout.TotalHours} hours (it is {value}).");
                }
            }
        }

        return problems;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static Uri NormalizeBaseAddress(Uri baseAddress) =>
        baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/", UriKind.Absolute);

    /// <summary>Whether <paramref name="uri"/> has the base address's scheme, host and port: only there do credentials go.</summary>
    internal bool IsSameOrigin(Uri? uri) =>
        uri is { IsAbsoluteUri: true }
        && string.Equals(uri.Scheme, BaseAddress.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.IdnHost, BaseAddress.IdnHost, StringComparison.OrdinalIgnoreCase)
        && uri.Port == BaseAddress.Port;
}
