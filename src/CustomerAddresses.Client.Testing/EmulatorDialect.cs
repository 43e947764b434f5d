namespace CustomerAddresses.Client.Testing;

/// <summary>Which API a route group of the emulator serves.</summary>
internal enum EmulatorDialect
{
    /// <summary>Paddle Billing, at the root: <c>ctm_</c> ids, cursor paging, <c>country_code</c>.</summary>
    Paddle,

    /// <summary>The /api/v1 customers API, under <c>/api/v1/</c>: <c>cus_</c> ids, the offset body, <c>country</c>.</summary>
    ApiV1,
}
