namespace CustomerAddresses.Client;

/// <summary>
/// The facts of the dialect a client speaks, as data: for code that works over any dialect (bulk import, a mirror)
/// without branching on <see cref="ApiDialect"/> itself. Get it from <see cref="CustomerAddressesClient.Dialect"/>.
/// </summary>
public sealed class ApiDialectInfo
{
    /// <summary>The facts of <see cref="ApiDialect.CustomersApiV1"/>.</summary>
    public static readonly ApiDialectInfo CustomersApiV1 = new(ApiDialect.CustomersApiV1, "/api/v1", maxPageSize: null, "cus_", "add_", customerGraph: false);

    /// <summary>The facts of <see cref="ApiDialect.PaddleBilling"/>.</summary>
    public static readonly ApiDialectInfo PaddleBilling = new(ApiDialect.PaddleBilling, "Paddle Billing", maxPageSize: 200, "ctm_", "add_", customerGraph: true);

    private ApiDialectInfo(ApiDialect kind, string name, int? maxPageSize, string customerIdPrefix, string addressIdPrefix, bool customerGraph)
    {
        HasBusinesses = customerGraph;
        HasPaymentMethods = customerGraph;
        Kind = kind;
        Name = name;
        MaxPageSize = maxPageSize;
        CustomerIdPrefix = customerIdPrefix;
        AddressIdPrefix = addressIdPrefix;
    }

    /// <summary>Gets the dialect.</summary>
    public ApiDialect Kind { get; }

    /// <summary>Gets what messages call it: <c>Paddle Billing</c>, <c>/api/v1</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// Gets the largest page a list may ask for (<c>PerPage</c> of <see cref="ListCustomersOptions"/> and
    /// <see cref="ListAddressesOptions"/>): 200 on Paddle; <see langword="null"/> on /api/v1, whose pages are the server's size.
    /// </summary>
    public int? MaxPageSize { get; }

    /// <summary>Gets how the server's customer ids begin: <c>ctm_</c> on Paddle, <c>cus_</c> on /api/v1.</summary>
    public string CustomerIdPrefix { get; }

    /// <summary>Gets how the server's address ids begin: <c>add_</c>.</summary>
    public string AddressIdPrefix { get; }

    /// <summary>
    /// Gets whether a customer owns businesses (<see cref="CustomerAddressesClient.Businesses"/>): on Paddle, not on /api/v1,
    /// where every business operation throws <see cref="NotSupportedException"/> before any request.
    /// </summary>
    public bool HasBusinesses { get; }

    /// <summary>
    /// Gets whether a customer has saved payment methods (<see cref="CustomerAddressesClient.PaymentMethods"/>): on Paddle,
    /// not on /api/v1, where every payment method operation throws <see cref="NotSupportedException"/> before any request.
    /// </summary>
    public bool HasPaymentMethods { get; }

    /// <summary>The facts of <paramref name="dialect"/>.</summary>
    /// <param name="dialect">The dialect.</param>
    /// <returns>Its facts.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dialect"/> is not a defined value.</exception>
    public static ApiDialectInfo Of(ApiDialect dialect) => dialect switch
    {
        ApiDialect.PaddleBilling => PaddleBilling,
        ApiDialect.CustomersApiV1 => CustomersApiV1,
        _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "Not a dialect this client speaks."),
    };

    /// <summary>Returns the dialect's name.</summary>
    /// <returns>Such as <c>Paddle Billing</c>.</returns>
    public override string ToString() => Name;
}
