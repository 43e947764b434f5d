using System.Net.Http.Headers;
using System.Reflection;
using CustomerAddresses.Client.Addresses;
using CustomerAddresses.Client.BillingAddresses;
using CustomerAddresses.Client.Customers;
using CustomerAddresses.Client.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerAddresses.Client;

/// <summary>
/// The client of the customers, addresses and billing addresses API. With dependency injection, register it with
/// <c>services.AddCustomerAddressesClient(...)</c> and take <see cref="ICustomerAddressesClient"/>; without, create
/// one instance with <see cref="CustomerAddressesClient(CustomerAddressesClientOptions)"/>, share it, and dispose it
/// when done. Instances are thread-safe.
/// </summary>
public sealed class CustomerAddressesClient : ICustomerAddressesClient, IDisposable
{
    private static readonly ProductInfoHeaderValue s_userAgent = new(
        "CustomerAddresses.Client",
        typeof(CustomerAddressesClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");

    /// <summary>The category of the client's log lines.</summary>
    internal const string LoggerCategory = "CustomerAddresses.Client";

    private readonly HttpClient? _ownedHttpClient;

    /// <summary>Creates a client with its own connection pool, for programs without dependency injection.</summary>
    /// <param name="options">The settings; they are copied, so later changes do not affect this client.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid (for example no base address); the message lists every problem.</exception>
    public CustomerAddressesClient(CustomerAddressesClientOptions options)
        : this(options, PrimaryHandler.Create())
    {
    }

    /// <summary>The standalone pipeline over any primary handler; tests pass one that fails on cue.</summary>
    internal CustomerAddressesClient(CustomerAddressesClientOptions options, HttpMessageHandler primaryHandler)
    {
        ClientSettings settings = ClientSettings.From(options);
        ILogger logger = (settings.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger(LoggerCategory);
        var handler = new ClientRequestHandler(settings, logger)
        {
            InnerHandler = new AuthenticationHandler(settings)
            {
                InnerHandler = new ResilienceHandler(ResiliencePipelineSetup.Build(settings, logger))
                {
                    InnerHandler = new ResponseBufferingHandler { InnerHandler = primaryHandler },
                },
            },
        };
        _ownedHttpClient = new HttpClient(handler, disposeHandler: true);
        Configure(_ownedHttpClient, settings);
        (Customers, Addresses, BillingAddresses) = CreateResourceClients(new ApiConnection(_ownedHttpClient, settings, logger));
    }

    /// <summary>Wraps an HttpClient from the factory, already configured by <see cref="Configure"/>; the factory owns it.</summary>
    internal CustomerAddressesClient(HttpClient httpClient, ClientSettings settings, ILogger logger) =>
        (Customers, Addresses, BillingAddresses) = CreateResourceClients(new ApiConnection(httpClient, settings, logger));

    /// <inheritdoc/>
    public ICustomersClient Customers { get; }

    /// <inheritdoc/>
    public IAddressesClient Addresses { get; }

    /// <inheritdoc/>
    public IBillingAddressesClient BillingAddresses { get; }

    /// <summary>Releases the connection pool of a client created with the public constructor; otherwise does nothing.</summary>
    public void Dispose() => _ownedHttpClient?.Dispose();

    /// <summary>
    /// Points an HttpClient at the base address and names the SDK in <c>User-Agent</c>. Its own timeout is off:
    /// the resilience pipeline's attempt and total timeouts govern, and would otherwise be cut short.
    /// </summary>
    internal static void Configure(HttpClient httpClient, ClientSettings settings)
    {
        httpClient.BaseAddress = settings.BaseAddress;
        httpClient.Timeout = Timeout.InfiniteTimeSpan;
        httpClient.DefaultRequestHeaders.UserAgent.Add(s_userAgent);
    }

    private static (ICustomersClient, IAddressesClient, IBillingAddressesClient) CreateResourceClients(ApiConnection connection) =>
        (new CustomersClient(connection), new AddressesClient(connection), new BillingAddressesClient(connection));
}
