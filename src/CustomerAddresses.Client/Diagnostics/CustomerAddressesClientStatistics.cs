using CustomerAddresses.Client.Diagnostics;

namespace CustomerAddresses.Client;

/// <summary>
/// What a <see cref="CustomerAddressesClient"/> has sent since it was made, read live: for progress lines and summaries
/// of long work (a bulk import, a backfill). Under dependency injection the counts are the container's (one client).
/// Thread-safe; each read is current.
/// </summary>
public sealed class CustomerAddressesClientStatistics
{
    private readonly ClientCounters _counters;

    internal CustomerAddressesClientStatistics(ClientCounters counters) => _counters = counters;

    /// <summary>Gets how many requests the client sent, each retry counted.</summary>
    public long Requests => _counters.Attempts;

    /// <summary>Gets how many of those requests were retries (<see cref="CustomerAddressesClientOptions.Retry"/>): the retry budget in use.</summary>
    public long Retries => _counters.Retries;

    /// <summary>Gets how many of their answers were 429 (too many requests).</summary>
    public long RateLimited => _counters.TooManyRequests;

    /// <summary>
    /// Gets until when the latest 429 asked the client to wait (its <c>Retry-After</c>, on the client's clock), or
    /// <see langword="null"/> when no 429 said; compare it with the time now to tell whether work is stalled on the limit.
    /// </summary>
    public DateTimeOffset? RateLimitedUntil => _counters.RateLimitedUntil;

    /// <summary>
    /// Gets the rate the client paces at since it learned it from the server's 429s
    /// (<see cref="CustomerAddressesRateLimitOptions.LearnFromServer"/>), or <see langword="null"/> when it has not.
    /// </summary>
    public int? LearnedRequestsPerMinute => _counters.LearnedRequestsPerMinute;

    /// <summary>Describes the counts.</summary>
    /// <returns>Such as <c>{ Requests = 812, Retries = 5, RateLimited = 3 }</c>.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{{ Requests = {Requests}, Retries = {Retries}, RateLimited = {RateLimited} }}");
}
