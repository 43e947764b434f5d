namespace CustomerAddresses.Client;

/// <summary>
/// The wire format a client speaks: the two APIs the SDK serves have the same resources but different bodies, ids and
/// rules. Chosen from the base address (Paddle's hosts speak <see cref="PaddleBilling"/>, any other host
/// <see cref="CustomersApiV1"/>) unless <see cref="CustomerAddressesClientOptions.Dialect"/> says otherwise.
/// </summary>
public enum ApiDialect
{
    /// <summary>
    /// The <c>/api/v1</c> customers API (seeds 000, 001, 003): <c>cus_</c> ids, an address's <c>country</c>, <c>region</c>
    /// and <c>city</c> required, a customer's <c>name</c> and <c>email</c> required, offset paging. The default for any
    /// host but Paddle's.
    /// </summary>
    CustomersApiV1 = 1,

    /// <summary>
    /// Paddle Billing (seed 002 and Paddle's reference): <c>ctm_</c> ids, an address's <c>country_code</c>, only a
    /// customer's <c>email</c> required, no member beyond the documented ones, cursor paging, <c>Paddle-Version: 1</c>.
    /// </summary>
    PaddleBilling = 2,
}
