namespace CustomerAddresses.Emulator;

/// <summary>
/// How a <see cref="CustomerAddressesEmulator"/> behaves. Every fault is off by default. The fault rates are read on
/// every request, so a test may load data with faults off and then turn them on through
/// <see cref="CustomerAddressesEmulator.Options"/>.
/// </summary>
public sealed class CustomerAddressesEmulatorOptions
{
    /// <summary>
    /// Gets or sets the address to listen on. Defaults to <c>http://127.0.0.1:0</c>: loopback, on a free port,
    /// reported by <see cref="CustomerAddressesEmulator.BaseAddress"/>.
    /// </summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    /// <summary>
    /// Gets or sets the API key every request must carry as <c>Authorization: Bearer</c>. When <see langword="null"/>
    /// (the default), no key is required. A missing key answers 403 <c>authentication_missing</c>, a wrong one
    /// 403 <c>invalid_token</c>.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Gets or sets the session token the billing address endpoint requires as the cookie <c>__session</c>. When
    /// <see langword="null"/> (the default), none is required; otherwise a missing or wrong one answers 401.
    /// </summary>
    public string? SessionToken { get; set; }

    /// <summary>
    /// Gets or sets whether addresses are listed in the older offset shape (<c>customer_id</c>, <c>addresses</c>,
    /// <c>limit</c>, <c>offset</c>) instead of the cursor envelope.
    /// </summary>
    public bool OffsetPaging { get; set; }

    /// <summary>Gets or sets the seed of the fault dice and of the random part of ids, so a run can be repeated.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Gets or sets the share of requests (0 to 1) answered 503 without being processed.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>Gets or sets the share of requests (0 to 1) answered 429 with <see cref="RetryAfterSeconds"/>, without being processed.</summary>
    public double RateLimitRate { get; set; }

    /// <summary>
    /// Gets or sets the longest <c>Retry-After</c> of injected 429s, in whole seconds; each one is drawn from 0 to this
    /// by the seeded dice. Defaults to 1.
    /// </summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Gets or sets the share of requests (0 to 1) delayed by <see cref="Latency"/> before they are processed.</summary>
    public double LatencyRate { get; set; }

    /// <summary>Gets or sets the delay of a delayed request. Defaults to 2 seconds.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets or sets the share of requests (0 to 1) that are processed (a create is stored) and whose connection is
    /// then aborted halfway through the response, as a network failure after the fact would.
    /// </summary>
    public double AbortRate { get; set; }

    /// <summary>Gets or sets whether each request is kept in <see cref="CustomerAddressesEmulator.Requests"/>. Defaults to <see langword="true"/>.</summary>
    public bool RecordRequests { get; set; } = true;
}
