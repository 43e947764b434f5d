using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace CustomerAddresses.Client.Benchmarks;

// The peer: what a .NET team builds instead of adopting this SDK. A source-generated Refit interface of the same
// shapes as the baseline, registered with AddRefitGeneratedClient and Microsoft's AddStandardResilienceHandler():
// Refit plus the standard pipeline (rate limiter, total timeout, retry, circuit breaker, attempt timeout), no
// argument checks, no typed errors, no paging, POST retried as the standard handler does.

/// <summary>The peer's Refit interface.</summary>
public interface IPeerApi
{
    [Get("/customers/{customerId}/addresses?per_page={perPage}")]
    internal Task<BaselineList> GetPageAsync(string customerId, int perPage);

    [Post("/customers/{customerId}/addresses")]
    internal Task<BaselineAddress> CreateAddressAsync(string customerId, [Body] BaselineCreateAddress request);

    [Get("/customers/{customerId}")]
    internal Task<BaselineCustomerEnvelope> GetCustomerAsync(string customerId);

    [Patch("/customers/{customerId}")]
    internal Task<BaselineCustomerEnvelope> UpdateCustomerAsync(string customerId, [Body] BaselineUpdateCustomer request);

    [Get("/customers?per_page={perPage}")]
    internal Task<BaselineCustomerList> ListCustomersAsync(int perPage);

    [Post("/organizations/{organizationId}/billing-addresses")]
    internal Task<BaselineBillingEnvelope> AddBillingAddressAsync(string organizationId, [Body] BaselineAddBillingAddress request);
}

/// <summary>The peer and the SDK registered in a container, each over its own in-memory server.</summary>
internal static class Registered
{
    public static (ServiceProvider Provider, IPeerApi Peer) Peer(CannedApi server) => Peer(Clients.BaseAddress, server);

    /// <summary>The peer against <paramref name="baseAddress"/>, over <paramref name="server"/> or, when null, the factory's socket handler.</summary>
    public static (ServiceProvider Provider, IPeerApi Peer) Peer(Uri baseAddress, HttpMessageHandler? server)
    {
        var services = new ServiceCollection();
        var settings = new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(BaselineJsonContext.Default.Options) };
        IHttpClientBuilder builder = services.AddRefitGeneratedClient<IPeerApi>(settings)
            .ConfigureHttpClient(http =>
            {
                http.BaseAddress = baseAddress;
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Clients.ApiKey);
            });
        if (server is not null)
        {
            builder.ConfigurePrimaryHttpMessageHandler(() => server);
        }

        builder.AddStandardResilienceHandler();
        ServiceProvider provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<IPeerApi>());
    }

    public static (ServiceProvider Provider, CustomerAddressesClient Sdk) Sdk(CannedApi server) => Sdk(Clients.BaseAddress, server, dialect: null);

    /// <summary>The SDK against <paramref name="baseAddress"/>, over <paramref name="server"/> or, when null, its own socket handler.</summary>
    public static (ServiceProvider Provider, CustomerAddressesClient Sdk) Sdk(Uri baseAddress, HttpMessageHandler? server, ApiDialect? dialect)
    {
        var services = new ServiceCollection();
        IHttpClientBuilder builder = services.AddCustomerAddressesClient(o =>
        {
            o.BaseAddress = baseAddress;
            o.ApiKey = Clients.ApiKey;
            o.Dialect = dialect;
        });
        if (server is not null)
        {
            builder.ConfigurePrimaryHttpMessageHandler(() => server);
        }

        ServiceProvider provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<CustomerAddressesClient>());
    }
}
