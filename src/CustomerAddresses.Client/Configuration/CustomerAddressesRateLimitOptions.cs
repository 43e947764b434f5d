namespace CustomerAddresses.Client;

/// <summary>
/// How fast a <see cref="CustomerAddressesClient"/> may send: the <see cref="CustomerAddressesClientOptions.RateLimit"/>
/// group (<c>CustomerAddresses:RateLimit</c> in configuration). Off by default.
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

    /// <summary>Describes the rate limit.</summary>
    /// <returns>Such as <c>{ RequestsPerMinute = 240 }</c>.</returns>
    public override string ToString() => $"{{ {nameof(RequestsPerMinute)} = {RequestsPerMinute?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(no limit)"} }}";
}
