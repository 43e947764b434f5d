using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Client;

/// <summary>
/// What a client being built tells <see cref="CustomerAddressesRateLimitOptions.LimiterFactory"/>: the server the limit
/// is for, the limit, the client's clock and where it logs (under dependency injection, the container's logging).
/// </summary>
public sealed class CustomerAddressesRateLimiterContext
{
    internal CustomerAddressesRateLimiterContext(Uri baseAddress, int? requestsPerMinute, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        BaseAddress = baseAddress;
        RequestsPerMinute = requestsPerMinute;
        TimeProvider = timeProvider;
        LoggerFactory = loggerFactory;
    }

    /// <summary>Gets the client's base address (with its trailing slash): its host is whose limit the limiter keeps.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets <see cref="CustomerAddressesRateLimitOptions.RequestsPerMinute"/>: the limit, or <see langword="null"/> when none was set.</summary>
    public int? RequestsPerMinute { get; }

    /// <summary>Gets the client's clock (<see cref="CustomerAddressesClientOptions.TimeProvider"/>).</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets where the client logs: <see cref="CustomerAddressesClientOptions.LoggerFactory"/>, or the container's logging under dependency injection.</summary>
    public ILoggerFactory LoggerFactory { get; }
}
