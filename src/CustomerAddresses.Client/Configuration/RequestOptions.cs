namespace CustomerAddresses.Client;

/// <summary>
/// Options of one call, for the overloads that take them (they also return the response's metadata): headers to add,
/// a timeout of its own, a client request id of its own. Checked before anything is sent; a problem is an
/// <see cref="ArgumentException"/> naming it.
/// </summary>
/// <example>
/// <code>
/// ApiResponse&lt;Customer&gt; response = await client.Customers.GetAsync(id, new RequestOptions { Timeout = TimeSpan.FromSeconds(5) });
/// Console.WriteLine($"{response.Value.Email}, request id {response.RequestId}");
/// </code>
/// </example>
public sealed class RequestOptions
{
    /// <summary>
    /// Gets headers to add to the call's requests, such as a tracing header your gateway reads. The headers the client
    /// sets itself (<c>Authorization</c>, <c>Cookie</c>, <c>Accept</c>, <c>Paddle-Version</c>,
    /// <c>X-Client-Request-Id</c>) and the ones HTTP reserves (<c>Host</c>, <c>Content-*</c>, <c>Connection</c>,
    /// <c>Transfer-Encoding</c>) cannot be set here. Never logged.
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets or sets how long this call may take in all, attempts and backoff included, instead of the client's
    /// total timeout (<c>Timeouts.Total</c>) (from 10 ms to 24 hours). For a list, it applies to each page.
    /// </summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// Gets or sets the <c>X-Client-Request-Id</c> of this call (up to 128 visible ASCII characters), instead of a new
    /// random one: to join the call to your own logs. Every attempt carries it.
    /// </summary>
    public string? ClientRequestId { get; set; }
}
