namespace CustomerAddresses.Client;

/// <summary>
/// Which failures a <see cref="CustomerAddressesClient"/> tries again, and how long it waits between tries: the
/// <see cref="CustomerAddressesClientOptions.Retry"/> group (<c>CustomerAddresses:Retry</c> in configuration).
/// </summary>
public sealed class CustomerAddressesRetryOptions
{
    /// <summary>
    /// Gets or sets how many times a failed request is tried again (0 to 10). Defaults to 3, so a call makes at most
    /// 4 attempts. Which failures are retried depends on the method: see <see cref="RetryUnsafeRequests"/>.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Gets or sets the first backoff delay; later ones double, with jitter. Defaults to 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest backoff delay between two attempts. Defaults to 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the longest <c>Retry-After</c> the client waits for. Defaults to 60 seconds. A longer one is not
    /// waited for: the call fails at once with a <see cref="RateLimitedException"/> (or <see cref="ServerErrorException"/>)
    /// whose <see cref="CustomerAddressesApiException.RetryAfter"/> says how long the server asked for.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Gets or sets whether creates and updates (POST, PATCH) are retried like reads. Defaults to <see langword="false"/>:
    /// the API has no idempotency key, so a create that may have reached the server is never repeated, and only a 429 or
    /// a connection that could not be opened is retried. Set it only when your server makes repeated creates harmless.
    /// Even then, an operation that makes a secret or a session on every call (Paddle's authentication token and customer
    /// portal session) is never repeated once it may have reached the server.
    /// </summary>
    public bool RetryUnsafeRequests { get; set; }

    /// <summary>Describes the retry settings.</summary>
    /// <returns>Such as <c>{ MaxRetries = 3, BaseDelay = 00:00:01, … }</c>.</returns>
    public override string ToString() =>
        $"{{ {nameof(MaxRetries)} = {MaxRetries}, {nameof(BaseDelay)} = {BaseDelay}, {nameof(MaxDelay)} = {MaxDelay}, " +
        $"{nameof(MaxRetryAfter)} = {MaxRetryAfter}, {nameof(RetryUnsafeRequests)} = {RetryUnsafeRequests} }}";
}
