namespace CustomerAddresses.Client.Testing;

/// <summary>
/// How a <see cref="CustomerAddressesEmulator"/> behaves. Every fault is off by default. The fault rates are read on
/// every request, so a test may load data with faults off and then turn them on through
/// <see cref="CustomerAddressesEmulator.Options"/>.
/// </summary>
public sealed class CustomerAddressesEmulatorOptions
{
    /// <summary>
    /// Gets or sets the address to listen on: <c>http://</c>, an IP address of this machine, <c>localhost</c>, <c>*</c> or
    /// <c>+</c> (every address), and a port (0 for a free one). Defaults to <c>http://127.0.0.1:0</c>: loopback, on a
    /// free port, reported by <see cref="CustomerAddressesEmulator.BaseAddress"/>. Anything else (a host name, an
    /// address out of range or not of this machine, a path or query) makes <see cref="CustomerAddressesEmulator.StartAsync"/>
    /// throw <see cref="ArgumentException"/>.
    /// </summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    /// <summary>
    /// Gets or sets whether the emulator also listens over https, on a free loopback port, with a self-signed certificate
    /// made at start (<see cref="CustomerAddressesEmulator.HttpsBaseAddress"/>, <see cref="CustomerAddressesEmulator.Certificate"/>):
    /// for clients that retry, or send credentials, only over https. Defaults to <see langword="false"/>.
    /// </summary>
    public bool UseHttps { get; set; }

    /// <summary>
    /// Gets or sets the API key every request must carry as <c>Authorization: Bearer</c>. When <see langword="null"/>
    /// (the default), no key is required. As on Paddle, a missing header answers 403 <c>authentication_missing</c>, one
    /// that is not <c>Bearer &lt;key&gt;</c> (the scheme in any case) 403 <c>authentication_malformed</c>, a wrong key 403
    /// <c>invalid_token</c>.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Gets or sets the session token the billing address endpoints require as the cookie <c>__session</c> (or the
    /// <c>X-Development-Session</c> header). When <see langword="null"/> (the default), none is required; otherwise a
    /// missing or wrong one answers 401 <c>No active sign in</c>.
    /// </summary>
    public string? SessionToken { get; set; }

    /// <summary>
    /// Gets or sets after how many signed-in requests the session token is rotated: the response that reaches the count
    /// carries the new token as <c>Set-Cookie: __session=…</c> (or <c>X-Development-Session</c>, see
    /// <see cref="DevelopmentSessions"/>). The tokens of the last two rotations are still accepted; older ones answer 401. Defaults to
    /// 0: never. <see cref="CustomerAddressesEmulator.SessionToken"/> tells the current one.
    /// </summary>
    public int RotateSessionEvery { get; set; }

    /// <summary>
    /// Gets or sets whether the emulator answers as a development deployment, rotating the session with an
    /// <c>X-Development-Session</c> response header instead of a cookie. Defaults to <see langword="false"/>.
    /// </summary>
    public bool DevelopmentSessions { get; set; }

    /// <summary>
    /// Gets or sets the ids of the organizations whose billing the signed-in user manages; any other answers 403
    /// <c>Insufficient permissions</c>, as Wacht's server answers a non-member or an unknown organization. When
    /// <see langword="null"/> (the default), every organization id is one the user manages.
    /// <see cref="CustomerAddressesEmulator.CreateOrganization"/> adds one with a snowflake id.
    /// </summary>
    public IList<string>? Organizations { get; set; }

    /// <summary>
    /// Gets or sets whether addresses are listed in the older offset shape (<c>customer_id</c>, <c>addresses</c>,
    /// <c>limit</c>, <c>offset</c>) instead of the cursor envelope.
    /// </summary>
    public bool OffsetPaging { get; set; }

    /// <summary>
    /// Gets or sets the seed of the fault dice and of the random part of ids, so a run can be repeated. When
    /// <see langword="null"/> (the default), each emulator draws its own, so the ids of two emulators never collide; the
    /// seed drawn is written back here, so a run can be repeated with it.
    /// </summary>
    public int? Seed { get; set; }

    /// <summary>
    /// Gets or sets Paddle's rate limit: at most this many requests from one IP address in any minute (a sliding window on
    /// <see cref="TimeProvider"/>). A request beyond it is answered as Paddle answers one, 429 <c>too_many_requests</c>
    /// (type <c>api_error</c>) with <c>Retry-After</c> in whole seconds, and is neither processed nor counted. Paddle's own
    /// limit is 240. From 1 to <see cref="MaxRequestsPerMinute"/>; when <see langword="null"/> (the default), there is no limit.
    /// </summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>The highest <see cref="RequestsPerMinute"/>: a million a minute, far beyond what one emulator can answer.</summary>
    public const int MaxRequestsPerMinute = 1_000_000;

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

    /// <summary>
    /// Gets or sets the waits before each retry of a webhook that was not answered 2xx within 5 seconds: one retry per
    /// entry. Paddle retries with exponential backoff (live: up to 60 times over 3 days); the default is the same curve
    /// compressed for tests: 1, 2, 4, 8 and 16 seconds.
    /// </summary>
    public IList<TimeSpan> WebhookRetryDelays { get; set; } = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16)];

    /// <summary>
    /// Gets or sets the share of webhook deliveries (0 to 1) that are lost for good: never sent, never retried, as a
    /// delivery missed while an app was down would be. Only the events list has them then.
    /// </summary>
    public double WebhookDropRate { get; set; }

    /// <summary>Gets or sets the share of webhook deliveries (0 to 1) that are delivered twice, as Paddle may deliver an event more than once.</summary>
    public double WebhookDuplicateRate { get; set; }

    /// <summary>
    /// Gets or sets the longest wait before a webhook delivery is sent: each waits a random time up to it, so deliveries
    /// arrive late and out of order. Defaults to zero: sent at once, in order.
    /// </summary>
    public TimeSpan WebhookMaxDelay { get; set; }

    /// <summary>
    /// Gets or sets the emulator's clock: timestamps, the time part of ids, webhook signatures and webhook retry waits. A
    /// fake one (Microsoft.Extensions.TimeProvider.Testing) lets a test step through retries without waiting. Defaults
    /// to <see cref="System.TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets whether each request is kept in <see cref="CustomerAddressesEmulator.Requests"/>. Defaults to <see langword="true"/>.</summary>
    public bool RecordRequests { get; set; } = true;
}
