using System.Threading.RateLimiting;

namespace CustomerAddresses.Client;

/// <summary>
/// How fast a <see cref="CustomerAddressesClient"/> may send: the <see cref="CustomerAddressesClientOptions.RateLimit"/>
/// group (<c>CustomerAddresses:RateLimit</c> in configuration). Off by default. <see cref="RequestsPerMinute"/> paces this
/// client (under dependency injection, this container) by itself; <see cref="Limiter"/> or <see cref="LimiterFactory"/>
/// puts any <see cref="RateLimiter"/> in its place, such as one that instances of an app share through Redis.
/// </summary>
public sealed class CustomerAddressesRateLimitOptions
{
    /// <summary>The rate limit Paddle documents for most of its API: 240 requests a minute from one IP address.</summary>
    public const int PaddleRequestsPerMinute = 240;

    /// <summary>
    /// Gets or sets the most requests a minute the client sends (1 to 60,000), counting every attempt (retries too), for
    /// example <see cref="PaddleRequestsPerMinute"/>. Requests are spaced evenly at 98% of it, so that requests that leave
    /// on time but arrive unevenly never exceed it and the server never has to answer 429; a request waits for its turn,
    /// first come first served (the wait counts toward <c>Timeouts.Total</c>, not toward <c>Timeouts.Attempt</c>), and a
    /// call that gives up while it waits (cancelled, or out of time) gives its turn to the next at once. One limit is
    /// shared by every call of the client, and under dependency injection by every client of the container. When
    /// <see langword="null"/> (the default), requests are not limited. In configuration:
    /// <c>CustomerAddresses:RateLimit:RequestsPerMinute</c>.
    /// </summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>
    /// Gets or sets whether a client without a stated limit (no <see cref="RequestsPerMinute"/>, <see cref="Limiter"/> or
    /// <see cref="LimiterFactory"/>) learns one from the server: it sends unpaced until the first 429, then sends nothing
    /// until that answer's <c>Retry-After</c> has passed, and from then on paces at the limit the 429 states
    /// (<c>RateLimit-Policy</c>, or <c>X-RateLimit-Limit</c> with <c>X-RateLimit-Window</c>), or else at the rate the
    /// server showed (the answers it accepted in the minute before the 429, over that minute), learning again at each
    /// later 429, so it never bursts into the limit twice; a rate it had to guess rises by an eighth after each full
    /// minute without a 429, so one 429 that was not the limit does not slow a long run for good. <see cref="CustomerAddressesClientStatistics.LearnedRequestsPerMinute"/> says the rate.
    /// Defaults to <see langword="false"/>; the <c>customeraddresses</c> tool sets it. In configuration:
    /// <c>CustomerAddresses:RateLimit:LearnFromServer</c>.
    /// </summary>
    public bool LearnFromServer { get; set; }

    /// <summary>
    /// Gets or sets a limiter of your own that every attempt takes a permit from (retries too), in place of the one
    /// <see cref="RequestsPerMinute"/> builds: any <see cref="RateLimiter"/>. A lease it refuses is asked for again, after
    /// the lease's <see cref="MetadataName.RetryAfter"/> (or 100 ms), until it is granted or the call's time runs out,
    /// which ends the call with a <see cref="TimeoutException"/> as any wait does. The client never disposes it, so
    /// several clients may share it. Not read from configuration.
    /// </summary>
    public RateLimiter? Limiter { get; set; }

    /// <summary>
    /// Gets or sets what makes the limiter when the client is built, from what the client knows
    /// (<see cref="CustomerAddressesRateLimiterContext"/>: the base address, <see cref="RequestsPerMinute"/>, the clock and
    /// the logging); called once per client, and under dependency injection once per container. The limiter is used as
    /// <see cref="Limiter"/> is, and the client disposes it when it is disposed (under dependency injection, with the
    /// container). Set this or <see cref="Limiter"/>, not both. Not read from configuration.
    /// </summary>
    public Func<CustomerAddressesRateLimiterContext, RateLimiter>? LimiterFactory { get; set; }

    /// <summary>Describes the rate limit.</summary>
    /// <returns>Such as <c>{ RequestsPerMinute = 240, Limiter = (in-process) }</c>.</returns>
    public override string ToString() =>
        $"{{ {nameof(RequestsPerMinute)} = {RequestsPerMinute?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? (LearnFromServer ? "(learned from the server)" : "(no limit)")}, " +
        $"Limiter = {(Limiter is not null ? Limiter.GetType().Name : LimiterFactory is not null ? "(from LimiterFactory)" : RequestsPerMinute is not null ? "(in-process)" : "(none)")} }}";
}
