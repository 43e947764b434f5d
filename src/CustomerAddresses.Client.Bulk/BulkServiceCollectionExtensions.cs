using CustomerAddresses.Client.Bulk;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="BulkClient"/> with dependency injection.</summary>
public static class BulkServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="BulkClient"/> as a singleton over the container's <see cref="CustomerAddresses.Client.CustomerAddressesClient"/>
    /// (register that with <c>AddCustomerAddressesClient</c>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The same services, for chaining.</returns>
    public static IServiceCollection AddCustomerAddressesBulkClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => new BulkClient(sp.GetRequiredService<CustomerAddresses.Client.CustomerAddressesClient>()));
        return services;
    }
}
