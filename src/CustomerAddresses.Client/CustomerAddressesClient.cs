using System.Net.Http.Headers;
using System.Reflection;
using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerAddresses.Client;

/// <summary>
/// The client of the customers, addresses and billing addresses API, one property per resource group. With dependency
/// injection, register it with <c>services.AddCustomerAddressesClient(...)</c> and take this type (or one resource
/// client); without, create one instance with <see cref="CustomerAddressesClient(CustomerAddressesClientOptions)"/>,
/// share it, and dispose it when done. Instances are thread-safe.
/// </summary>
/// <remarks>
/// The resource clients are classes with virtual methods, not interfaces, so that methods can be added without
/// breaking a test double: derive from one, override what the test calls, and return it from an override of the
/// matching property here.
/// </remarks>
public class CustomerAddressesClient : IDisposable
{
    private static readonly ProductInfoHeaderValue s_userAgent = new(
        "CustomerAddresses.Client",
        typeof(CustomerAddressesClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");

    /// <summary>The category of the client's log lines.</summary>
    internal const string LoggerCategory = "CustomerAddresses.Client";

    private readonly HttpClient? _ownedHttpClient;
    private readonly CustomersClient? _customers;
    private readonly AddressesClient? _addresses;
    private readonly BillingAddressesClient? _billingAddresses;
    private readonly BusinessesClient? _businesses;
    private readonly PaymentMethodsClient? _paymentMethods;
    private readonly EventsClient? _events;
    private CustomerAddressesClientStatistics? _statistics;

    /// <summary>Creates a client with its own connection pool, for programs without dependency injection.</summary>
    /// <param name="options">The settings; they are copied, so later changes do not affect this client.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid (for example no base address); the message lists every problem.</exception>
    public CustomerAddressesClient(CustomerAddressesClientOptions options)
        : this(options, PrimaryHandler.Create())
    {
    }

    /// <summary>Initializes an instance for a test double: override the resource properties the test uses.</summary>
    protected CustomerAddressesClient()
    {
    }

    /// <summary>The standalone pipeline over any primary handler; tests pass one that fails on cue.</summary>
    internal CustomerAddressesClient(CustomerAddressesClientOptions options, HttpMessageHandler primaryHandler)
    {
        ClientSettings settings = Settings = ClientSettings.From(options);
        ILogger logger = (settings.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger(LoggerCategory);
        _ownedHttpClient = new HttpClient(ClientPipeline.Create(settings, logger, primaryHandler), disposeHandler: true);
        Configure(_ownedHttpClient, settings);
        (_customers, _addresses, _billingAddresses, _events, _businesses, _paymentMethods) = CreateResourceClients(new OperationInvoker(_ownedHttpClient, settings, logger));
    }

    /// <summary>Wraps an HttpClient from the factory, already configured by <see cref="Configure"/>; the factory owns it.</summary>
    internal CustomerAddressesClient(HttpClient httpClient, ClientSettings settings, ILogger logger)
    {
        Settings = settings;
        (_customers, _addresses, _billingAddresses, _events, _businesses, _paymentMethods) = CreateResourceClients(new OperationInvoker(httpClient, settings, logger));
    }

    /// <summary>The validated copy of the options this client was built from; null for a test double.</summary>
    internal ClientSettings? Settings { get; }

    /// <summary>Gets the customer operations.</summary>
    public virtual CustomersClient Customers => _customers ?? throw MockOnly.NotOverridden(nameof(CustomerAddressesClient));

    /// <summary>Gets the customer address operations.</summary>
    public virtual AddressesClient Addresses => _addresses ?? throw MockOnly.NotOverridden(nameof(CustomerAddressesClient));

    /// <summary>Gets a customer's businesses (Paddle Billing only).</summary>
    public virtual BusinessesClient Businesses => _businesses ?? throw MockOnly.NotOverridden(nameof(CustomerAddressesClient));

    /// <summary>Gets a customer's saved payment methods (Paddle Billing only): list, get and delete.</summary>
    public virtual PaymentMethodsClient PaymentMethods => _paymentMethods ?? throw MockOnly.NotOverridden(nameof(CustomerAddressesClient));

    /// <summary>Gets the organization billing address operations.</summary>
    public virtual BillingAddressesClient BillingAddresses => _billingAddresses ?? throw MockOnly.NotOverridden(nameof(CustomerAddressesClient));

    /// <summary>Gets Paddle's events: every event webhooks deliver, kept for listing (Paddle Billing only).</summary>
    public virtual EventsClient Events => _events ?? throw MockOnly.NotOverridden(nameof(CustomerAddressesClient));

    /// <summary>
    /// Gets the facts of the dialect this client speaks (<see cref="CustomerAddressesClientOptions.Dialect"/>, or the one
    /// its host speaks): page sizes and id prefixes, as data.
    /// </summary>
    public virtual ApiDialectInfo Dialect => Settings?.Dialect.Info ?? throw MockOnly.NotOverridden(nameof(CustomerAddressesClient));

    /// <summary>Gets the base address the client sends to (<see cref="CustomerAddressesClientOptions.BaseAddress"/>).</summary>
    public virtual Uri BaseAddress => Settings?.BaseAddress ?? throw MockOnly.NotOverridden(nameof(CustomerAddressesClient));

    /// <summary>Gets what this client has sent: requests, 429s, the latest wait a 429 asked for, a rate learned from the server.</summary>
    /// <remarks>A test double's are all zero.</remarks>
    public virtual CustomerAddressesClientStatistics Statistics => _statistics ??= new CustomerAddressesClientStatistics(Settings?.Counters ?? new Diagnostics.ClientCounters());

    /// <summary>Gets the clock the client waits on (<see cref="CustomerAddressesClientOptions.TimeProvider"/>): work built over the client waits on the same one.</summary>
    public virtual TimeProvider TimeProvider => Settings?.TimeProvider ?? TimeProvider.System;

    /// <summary>
    /// Releases the connection pool of a client created with the public constructor, and the rate limiter it made
    /// (<see cref="CustomerAddressesRateLimitOptions.LimiterFactory"/>, or the in-process one); otherwise does nothing.
    /// </summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the connection pool and the rate limiter of a client created with the public constructor.</summary>
    /// <param name="disposing"><see langword="true"/> when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        // The settings (and the rate limiter they made) are owned with the pool: made by the same constructor.
        if (disposing && _ownedHttpClient is not null)
        {
            _ownedHttpClient.Dispose();
            Settings?.Dispose();
        }
    }

    /// <summary>
    /// Points an HttpClient at the base address and names the SDK in <c>User-Agent</c>. Its own timeout is off:
    /// the resilience pipeline's attempt and total timeouts govern, and would otherwise be cut short.
    /// </summary>
    internal static void Configure(HttpClient httpClient, ClientSettings settings)
    {
        httpClient.BaseAddress = settings.BaseAddress;
        httpClient.Timeout = Timeout.InfiniteTimeSpan;
        if (!httpClient.DefaultRequestHeaders.UserAgent.Contains(s_userAgent))
        {
            httpClient.DefaultRequestHeaders.UserAgent.Add(s_userAgent);
        }
    }

    private static (CustomersClient, AddressesClient, BillingAddressesClient, EventsClient, BusinessesClient, PaymentMethodsClient) CreateResourceClients(OperationInvoker invoker) =>
        (new CustomersClient(invoker), new AddressesClient(invoker), new BillingAddressesClient(invoker), new EventsClient(invoker), new BusinessesClient(invoker), new PaymentMethodsClient(invoker));
}
