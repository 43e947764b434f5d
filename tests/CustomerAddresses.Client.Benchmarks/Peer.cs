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

    [Post("/organizations/{organizationId}/billing-addresses")]
    internal Task<BaselineBillingEnvelope> AddBillingAddressAsync(string organizationId, [Body] BaselineAddBillingAddress request);
}

/// <summary>The peer and the SDK registered in a container, each over its own in-memory server.</summary>
internal static class Registered
{
    public static (ServiceProvider Provider, IPeerApi Peer) Peer(CannedApi server)
    {
        var services = new ServiceCollection();
        var settings = new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(BaselineJsonContext.Default.Options) };
        services.AddRefitGeneratedClient<IPeerApi>(settings)
            .ConfigureHttpClient(http =>
            {
                http.BaseAddress = Clients.BaseAddress;
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Clients.ApiKey);
            })
            .ConfigurePrimaryHttpMessageHandler(() => server)
            .AddStandardResilienceHandler();
        ServiceProvider provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<IPeerApi>());
    }

    public static (ServiceProvider Provider, CustomerAddressesClient Sdk) Sdk(CannedApi server)
    {
        var services = new ServiceCollection();
        services.AddCustomerAddressesClient(o =>
        {
            o.BaseAddress = Clients.BaseAddress;
            o.ApiKey = Clients.ApiKey;
        }).ConfigurePrimaryHttpMessageHandler(() => server);
        ServiceProvider provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<CustomerAddressesClient>());
    }
}
