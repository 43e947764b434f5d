namespace CustomerAddresses.Client.Redis;

/// <summary>Shares a client's rate limit through Redis.</summary>
public static class RedisRateLimitExtensions
{
    /// <summary>
    /// Makes the client take its turns from a limit kept in Redis, which every client with the same API host and
    /// <see cref="RedisRateLimitOptions.Name"/> shares, in any process on any machine: <see cref="CustomerAddressesRateLimitOptions.RequestsPerMinute"/>
    /// (required) is then the total of all of them, spaced evenly at 98% of it as the in-process limit is. When Redis
    /// cannot be reached, the client keeps going, pacing itself at the limit divided by
    /// <see cref="RedisRateLimitOptions.Instances"/>, logs a warning, and asks Redis again after
    /// <see cref="RedisRateLimitOptions.ReconnectDelay"/>; it never sends unpaced.
    /// </summary>
    /// <param name="rateLimit">The client's rate limit options.</param>
    /// <param name="configure">Sets where Redis is (<see cref="RedisRateLimitOptions.Configuration"/> or <see cref="RedisRateLimitOptions.Connection"/>) and who shares the limit.</param>
    /// <returns>The same options, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The Redis options are invalid; the client, when it is built, also refuses a missing <c>RequestsPerMinute</c>.</exception>
    public static CustomerAddressesRateLimitOptions UseRedis(this CustomerAddressesRateLimitOptions rateLimit, Action<RedisRateLimitOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(rateLimit);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new RedisRateLimitOptions();
        configure(options);
        RedisSharedRateLimiter.Validate(options);
        rateLimit.Limiter = null;
        rateLimit.LimiterFactory = context => new RedisSharedRateLimiter(options, context);
        return rateLimit;
    }
}
