using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Client;

/// <summary>
/// Settings of a <see cref="CustomerAddressesClient"/>: where the API is and how to sign in (the properties of this
/// class), how to retry (<see cref="Retry"/>), how long to wait (<see cref="Timeouts"/>) and how fast to send
/// (<see cref="RateLimit"/>). In <c>appsettings.json</c>
/// each is a key of the section passed to <c>AddCustomerAddressesClient</c>, such as <c>CustomerAddresses:BaseAddress</c>
/// or <c>CustomerAddresses:Retry:MaxRetries</c>; the callback, the logger factory and the clock are set in code only.
/// </summary>
public sealed class CustomerAddressesClientOptions
{
    /// <summary>
    /// Gets or sets the API's base address, which may carry a path prefix such as
    /// <c>https://api.example.com/api/v1/</c>. Required. A trailing slash is added when missing, and the prefix
    /// is kept on every request. Plain <c>http</c> is refused except on loopback or with <see cref="AllowInsecureHttp"/>.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// Gets or sets the wire format to speak. When <see langword="null"/> (the default), it follows the base address:
    /// <see cref="ApiDialect.PaddleBilling"/> for Paddle's hosts (<see cref="PaddleEnvironment"/>),
    /// <see cref="ApiDialect.CustomersApiV1"/> for any other.
    /// </summary>
    public ApiDialect? Dialect { get; set; }

    /// <summary>Gets or sets the API key, sent as <c>Authorization: Bearer &lt;key&gt;</c>. Optional.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Gets or sets the session token, sent as the cookie <c>__session=&lt;token&gt;</c>. Optional. When a response
    /// rotates it (<c>Set-Cookie: __session=…</c>, or an <c>X-Development-Session</c> header on a development
    /// deployment), the client sends the newest token it has seen from the next request on (by the JWT's <c>iat</c>,
    /// then <c>exp</c>; otherwise in the order it saw them; never one it saw before), and a request refused with 401 for a
    /// token rotated away meanwhile is sent again with the newer one; see <see cref="SessionTokenRotated"/> and the
    /// README's "Sessions that rotate".
    /// </summary>
    public string? SessionToken { get; set; }

    /// <summary>
    /// Gets or sets what to call with the new token when the server rotates the session, for example to persist it so
    /// that the next run of the program starts with it. It runs on the thread of the response that carried the token,
    /// at most once per token, one call at a time and in adoption order (a token superseded before its call is skipped),
    /// so what it stores never goes back; an exception it throws is logged (without the token) and does not fail the
    /// call. Never log the token. Not read from configuration.
    /// </summary>
    public Action<string>? SessionTokenRotated { get; set; }

    /// <summary>
    /// Gets or sets whether a plain <c>http</c> base address other than loopback is allowed. Defaults to
    /// <see langword="false"/>: credentials would cross the network unencrypted.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// Gets or sets which failures are tried again and how long to wait between tries. In configuration, the
    /// <c>Retry</c> section: <c>CustomerAddresses:Retry:MaxRetries</c>.
    /// </summary>
    public CustomerAddressesRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// Gets or sets how long one attempt, and a whole call, may take. In configuration, the <c>Timeouts</c> section:
    /// <c>CustomerAddresses:Timeouts:Total</c>.
    /// </summary>
    public CustomerAddressesTimeoutOptions Timeouts { get; set; } = new();

    /// <summary>
    /// Gets or sets how fast the client may send (off by default). In configuration, the <c>RateLimit</c> section:
    /// <c>CustomerAddresses:RateLimit:RequestsPerMinute</c>.
    /// </summary>
    public CustomerAddressesRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>
    /// Gets or sets where a client built with the public constructor logs its retries. Dependency injection uses
    /// the container's logging instead. Not read from configuration.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Gets or sets the clock used to interpret <c>Retry-After</c> dates and to time backoff and timeouts. Defaults to
    /// <see cref="TimeProvider.System"/>; tests pass a fake one. Not read from configuration.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Describes the options without revealing the API key or session token.</summary>
    /// <returns>A description that says only whether each credential is set.</returns>
    public override string ToString() =>
        $"{nameof(CustomerAddressesClientOptions)} {{ {nameof(BaseAddress)} = {Shown(BaseAddress)}, " +
        $"{nameof(Dialect)} = {Dialect?.ToString() ?? "(from the host)"}, {nameof(ApiKey)} = {(ApiKey is null ? "(not set)" : "(set)")}, " +
        $"{nameof(SessionToken)} = {(SessionToken is null ? "(not set)" : "(set)")}, " +
        $"{nameof(AllowInsecureHttp)} = {AllowInsecureHttp}, {nameof(Retry)} = {Retry}, {nameof(Timeouts)} = {Timeouts}, {nameof(RateLimit)} = {RateLimit} }}";

    /// <summary>The base address without user information, query string or fragment, which could hold secrets.</summary>
    private static string? Shown(Uri? address)
    {
        if (address is not { IsAbsoluteUri: true })
        {
            return address is null ? null : "(not an absolute URI)";
        }

        string shown = address.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        return string.IsNullOrEmpty(address.UserInfo) && string.IsNullOrEmpty(address.Query) && string.IsNullOrEmpty(address.Fragment)
            ? shown
            : shown + " (user information, query and fragment not shown)";
    }
}
