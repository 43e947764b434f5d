namespace CustomerAddresses.Client;

/// <summary>
/// How long one attempt, and a whole call, may take: the <see cref="CustomerAddressesClientOptions.Timeouts"/> group
/// (<c>CustomerAddresses:Timeouts</c> in configuration). Each is from 10 milliseconds to 24 hours.
/// </summary>
public sealed class CustomerAddressesTimeoutOptions
{
    /// <summary>Gets or sets how long one attempt may take before it is abandoned. Defaults to 10 seconds.</summary>
    public TimeSpan Attempt { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets how long a call may take in all, attempts, backoff and body reading included. Defaults to 60 seconds.
    /// For a list, this applies to each page; a call's own <see cref="RequestOptions.Timeout"/> replaces it.
    /// </summary>
    public TimeSpan Total { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Describes the timeouts.</summary>
    /// <returns>Such as <c>{ Attempt = 00:00:10, Total = 00:01:00 }</c>.</returns>
    public override string ToString() => $"{{ {nameof(Attempt)} = {Attempt}, {nameof(Total)} = {Total} }}";
}
