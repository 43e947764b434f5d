namespace CustomerAddresses.Client;

/// <summary>
/// Settings of a <see cref="CustomerAddressesClient"/>. In <c>appsettings.json</c> each property is a key of the
/// section passed to <c>AddCustomerAddressesClient</c>, such as <c>CustomerAddresses:BaseAddress</c>.
/// </summary>
public sealed class CustomerAddressesClientOptions
{
    /// <summary>
    /// Gets or sets the API's base address, which may carry a path prefix such as
    /// <c>https://api.example.com/api/v1/</c>. Required. A trailing slash is added when missing, and the prefix
    /// is kept on every request. Plain <c>http</c> is refused except on loopback or with <see cref="AllowInsecureHttp"/>.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Gets or sets the API key, sent as <c>Authorization: Bearer &lt;key&gt;</c>. Optional.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets the session token, sent as the cookie <c>__session=&lt;token&gt;</c>. Optional.</summary>
    public string? SessionToken { get; set; }

    /// <summary>
    /// Gets or sets whether a plain <c>http</c> base address other than loopback is allowed. Defaults to
    /// <see langword="false"/>: credentials would cross the network unencrypted.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// Gets or sets the clock used to interpret <c>Retry-After</c> dates. Defaults to <see cref="TimeProvider.System"/>;
    /// tests pass a fake one. Not read from configuration.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Describes the options without revealing the API key or session token.</summary>
    /// <returns>A description that says only whether each credential is set.</returns>
    public override string ToString() =>
        $"{nameof(CustomerAddressesClientOptions)} {{ {nameof(BaseAddress)} = {BaseAddress}, " +
        $"{nameof(ApiKey)} = {(ApiKey is null ? "(not set)" : "(set)")}, " +
        $"{nameof(SessionToken)} = {(SessionToken is null ? "(not set)" : "(set)")}, " +
        $"{nameof(AllowInsecureHttp)} = {AllowInsecureHttp} }}";
}
