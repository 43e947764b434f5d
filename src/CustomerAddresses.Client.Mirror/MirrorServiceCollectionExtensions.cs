using CustomerAddresses.Client;
using CustomerAddresses.Client.Mirror;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="CustomerMirror"/> and the hosted service that keeps it caught up.</summary>
public static class MirrorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CustomerMirror"/> as a singleton over the container's <see cref="CustomerAddressesClient"/>
    /// (register that with <c>AddCustomerAddressesClient</c>), and a hosted service that syncs it at start-up (a backfill
    /// the first time), then every <paramref name="pollInterval"/>, and soon after a webhook handed to
    /// <see cref="CustomerMirror.ApplyAsync"/>. Wire your webhook endpoint's handler to <see cref="CustomerMirror.ApplyAsync"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="options">The database.</param>
    /// <param name="pollInterval">How often the hosted service looks for events it did not receive; one minute when <see langword="null"/>.</param>
    /// <returns>The same services, for chaining.</returns>
    public static IServiceCollection AddCustomerAddressesMirror(this IServiceCollection services, CustomerMirrorOptions options, TimeSpan? pollInterval = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        TimeSpan interval = pollInterval ?? TimeSpan.FromMinutes(1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero, nameof(pollInterval));
        services.TryAddSingleton(sp => new CustomerMirror(sp.GetRequiredService<CustomerAddressesClient>(), options));
        services.AddHostedService(sp => new MirrorCatchUpService(sp.GetRequiredService<CustomerMirror>(), interval, sp.GetService<ILoggerFactory>()?.CreateLogger<CustomerMirror>()));
        return services;
    }
}

/// <summary>Keeps the mirror caught up while the host runs; a failed round is logged and tried again at the next.</summary>
internal sealed partial class MirrorCatchUpService(CustomerMirror mirror, TimeSpan interval, ILogger? logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await mirror.FollowAsync(interval, cancellationToken: stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (logger is not null)
                {
                    Failed(logger, e.GetType().Name, interval);
                }

                await Task.Delay(interval, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The customer mirror's sync failed ({Failure}); it tries again in {Interval}.")]
    private static partial void Failed(ILogger logger, string failure, TimeSpan interval);
}
