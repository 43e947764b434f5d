using System.Threading.RateLimiting;
using CustomerAddresses.Client.Diagnostics;
using CustomerAddresses.Client.RateLimiting;
using CustomerAddresses.Client.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerAddresses.Client.Configuration;

/// <summary>
/// A validated, immutable copy of <see cref="CustomerAddressesClientOptions"/>: later changes to the options
/// object do not reach a client that is already built.
/// </summary>
internal sealed partial class ClientSettings : IDisposable
{
    internal const int MaxRetriesLimit = 10;

    /// <summary>The highest request rate limit an option may set: a thousand a second.</summary>
    internal const int MaxRequestsPerMinute = 60_000;

    /// <summary>The shortest timeout an option or a call may set.</summary>
    internal static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest timeout (and backoff delay) an option or a call may set.</summary>
    internal static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);

    private ClientSettings(CustomerAddressesClientOptions options, ILoggerFactory? containerLogging)
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
        Limiter = options.RateLimit switch
        {
            { Limiter: { } supplied } => new PermitWaiter(supplied, owned: false, TimeProvider),
            { LimiterFactory: { } factory } => new PermitWaiter(
                factory(new CustomerAddressesRateLimiterContext(BaseAddress, RequestsPerMinute, TimeProvider, containerLogging ?? LoggerFactory ?? NullLoggerFactory.Instance))
                    ?? throw new InvalidOperationException($"{nameof(CustomerAddressesRateLimitOptions)}.{nameof(CustomerAddressesRateLimitOptions.LimiterFactory)} returned null."),
                owned: true,
                TimeProvider),
            { RequestsPerMinute: { } perMinute } => new RequestPacer(perMinute, TimeProvider),
            { LearnFromServer: true } => new LearningPacer(TimeProvider, Counters),
            _ => null,
        };
    }

    /// <summary>The most requests a minute, or null for no limit (or none stated for a limiter supplied).</summary>
    internal int? RequestsPerMinute { get; }

    /// <summary>
    /// The one limiter of every call of this client: the in-process pacer, or the caller's limiter (which refuses no
    /// attempt: <see cref="PermitWaiter"/>); null for no limit.
    /// </summary>
    internal RateLimiter? Limiter { get; }

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
    internal ILoggerFactory? LoggerFactory { get; }

    /// <summary>Validates the options and copies them; throws <see cref="ArgumentException"/> listing every problem.</summary>
    /// <param name="options">The options.</param>
    /// <param name="containerLogging">Under dependency injection, the container's logging, for a limiter the options make.</param>
    internal static ClientSettings From(CustomerAddressesClientOptions options, ILoggerFactory? containerLogging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = Validate(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "The CustomerAddresses client options are not valid: " + string.Join(" ", problems),
                nameof(options));
        }

        return new ClientSettings(options, containerLogging);
    }

    /// <summary>Disposes the limiter the client made (a supplied <see cref="CustomerAddressesRateLimitOptions.Limiter"/> is the caller's).</summary>
    public void Dispose() => Limiter?.Dispose();

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
