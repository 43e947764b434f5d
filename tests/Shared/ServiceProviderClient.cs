using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Client.Tests.Shared;

/// <summary>
/// The client a host resolves (<c>AddCustomerAddressesClient</c>, then <see cref="CustomerAddressesClient"/> from the
/// container), from the same options a standalone client takes, over an optional primary handler: the tests that must
/// hold for both ways of building a client run on both. Disposing it disposes its container.
/// </summary>
internal sealed class ServiceProviderClient : CustomerAddressesClient
{
    private readonly ServiceProvider _provider;
    private readonly CustomerAddressesClient _client;

    private ServiceProviderClient(ServiceProvider provider)
    {
        _provider = provider;
        _client = provider.GetRequiredService<CustomerAddressesClient>();
    }

    /// <summary>The settings the container built the client from (the client's own, as the standalone client has them).</summary>
    internal new CustomerAddresses.Client.Configuration.ClientSettings? Settings => _client.Settings;

    public override CustomersClient Customers => _client.Customers;

    public override AddressesClient Addresses => _client.Addresses;

    public override BillingAddressesClient BillingAddresses => _client.BillingAddresses;

    public override EventsClient Events => _client.Events;


    public static ServiceProviderClient Create(CustomerAddressesClientOptions options, HttpMessageHandler? primaryHandler = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(options.LoggerFactory ?? LoggerFactory.Create(_ => { }));
        IHttpClientBuilder builder = services.AddCustomerAddressesClient(o =>
        {
            o.BaseAddress = options.BaseAddress;
            o.Dialect = options.Dialect;
            o.ApiKey = options.ApiKey;
            o.SessionToken = options.SessionToken;
            o.SessionTokenRotated = options.SessionTokenRotated;
            o.AllowInsecureHttp = options.AllowInsecureHttp;
            o.Retry = options.Retry;
            o.Timeouts = options.Timeouts;
            o.RateLimit = options.RateLimit;
            o.TimeProvider = options.TimeProvider;
        });
        if (primaryHandler is not null)
        {
            builder.ConfigurePrimaryHttpMessageHandler(() => primaryHandler);
        }

        return new ServiceProviderClient(services.BuildServiceProvider());
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _provider.Dispose();
        }

        base.Dispose(disposing);
    }
}
