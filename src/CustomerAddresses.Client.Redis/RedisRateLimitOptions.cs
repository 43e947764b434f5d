using StackExchange.Redis;

namespace CustomerAddresses.Client.Redis;

/// <summary>
/// Where a rate limit shared through Redis lives, and who shares it: set through
/// <see cref="RedisRateLimitExtensions.UseRedis(CustomerAddressesRateLimitOptions, Action{RedisRateLimitOptions})"/>.
/// </summary>
public sealed class RedisRateLimitOptions
{
    /// <summary>
    /// Gets or sets the Redis server as StackExchange.Redis reads a configuration string, such as <c>localhost:6379</c> or
    /// <c>redis.internal:6380,ssl=true,password=…</c>. The limiter opens its own connection and closes it when it is
    /// disposed. Set this or <see cref="Connection"/>.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>
    /// Gets or sets a connection the app already has (under dependency injection, the container's
    /// <see cref="IConnectionMultiplexer"/>); the limiter uses it and leaves it open. Set this or <see cref="Configuration"/>.
    /// </summary>
    public IConnectionMultiplexer? Connection { get; set; }

    /// <summary>
    /// Gets or sets what shares the limit besides the API's host: every client with the same host and name, in any
    /// process on any machine, takes its turns from one limit. Paddle counts per IP address, so the egress IP address the
    /// instances leave from is a good name. Defaults to <c>default</c>.
    /// </summary>
    public string Name { get; set; } = "default";

    /// <summary>
    /// Gets or sets how many instances share the limit (1 to 1,000). When Redis cannot be reached, each instance paces
    /// itself at the limit divided by this, so that together they still keep it. Defaults to 1.
    /// </summary>
    public int Instances { get; set; } = 1;

    /// <summary>Gets or sets how long an instance paces itself before it asks Redis again, once Redis could not be reached. Defaults to 5 seconds.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Describes the options without revealing the configuration string, which may hold a password.</summary>
    /// <returns>Such as <c>{ Name = egress-203.0.113.7, Instances = 4 }</c>.</returns>
    public override string ToString() =>
        $"{{ {nameof(Configuration)} = {(Configuration is null ? "(not set)" : "(set)")}, {nameof(Connection)} = {(Connection is null ? "(not set)" : "(set)")}, " +
        $"{nameof(Name)} = {Name}, {nameof(Instances)} = {Instances}, {nameof(ReconnectDelay)} = {ReconnectDelay} }}";
}
