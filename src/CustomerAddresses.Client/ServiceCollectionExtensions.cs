using CustomerAddresses.Client;
using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Resilience;
using CustomerAddresses.Client.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the CustomerAddresses client with dependency injection and <see cref="IHttpClientFactory"/>.</summary>
public static class CustomerAddressesServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the client uses; configure it further through the returned builder.</summary>
    public const string HttpClientName = "CustomerAddresses.Client";

    /// <summary>
    /// Registers <see cref="CustomerAddressesClient"/> (and <see cref="CustomersClient"/>, <see cref="AddressesClient"/>,
    /// <see cref="BillingAddressesClient"/>, <see cref="EventsClient"/>) configured in code. The options are validated when the host starts.
    /// Calling it again configures the same single client (later settings win) and never adds a second pipeline.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see cref="CustomerAddressesClientOptions.BaseAddress"/> is required.</param>
    /// <returns>
    /// The builder of the named HttpClient: add handlers (they run once per attempt), replace the primary handler,
    /// or replace the retry and timeout pipeline with <c>RemoveAllResilienceHandlers()</c> followed by your own.
    /// </returns>
    public static IHttpClientBuilder AddCustomerAddressesClient(this IServiceCollection services, Action<CustomerAddressesClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CustomerAddressesClientOptions>().Configure(configure).ValidateOnStart();
        return AddCore(services);
    }

    /// <summary>
    /// Registers <see cref="CustomerAddressesClient"/> (and the per-resource clients) configured from a configuration
    /// section whose keys are the option names, such as <c>BaseAddress</c>, <c>ApiKey</c> and <c>MaxRetries</c>.
    /// The options are validated when the host starts. Calling it again configures the same single client (later
    /// settings win) and never adds a second pipeline.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section, for example <c>configuration.GetSection("CustomerAddresses")</c>.</param>
    /// <returns>
    /// The builder of the named HttpClient: add handlers (they run once per attempt), replace the primary handler,
    /// or replace the retry and timeout pipeline with <c>RemoveAllResilienceHandlers()</c> followed by your own.
    /// </returns>
    public static IHttpClientBuilder AddCustomerAddressesClient(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<CustomerAddressesClientOptions>().Configure(options => OptionsBinding.Bind(section, options)).ValidateOnStart();
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        // A second call only adds its configuration: the handlers and the resilience pipeline exist once per client.
        if (services.Any(static d => d.ServiceType == typeof(Registered)))
        {
            return services.AddHttpClient(HttpClientName);
        }

        services.AddSingleton<Registered>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CustomerAddressesClientOptions>, CustomerAddressesClientOptionsValidator>());
        services.TryAddSingleton(sp => ClientSettings.From(sp.GetRequiredService<IOptions<CustomerAddressesClientOptions>>().Value, sp.GetService<ILoggerFactory>()));

        IHttpClientBuilder builder = services
            .AddHttpClient(HttpClientName)
            .ConfigureHttpClient((sp, httpClient) => CustomerAddressesClient.Configure(httpClient, sp.GetRequiredService<ClientSettings>()))
            .ConfigurePrimaryHttpMessageHandler(PrimaryHandler.Create)
            .AddHttpMessageHandler(sp => new ClientRequestHandler(sp.GetRequiredService<ClientSettings>(), Logger(sp)))

            // The factory's two logging handlers would log every request's full URL (ids, query strings, an email
            // filter) at Information, and cost two async layers a call: the client logs each call itself, by route
            // template. A caller who wants them back adds AddDefaultLogger(); headers stay redacted then.
            .RemoveAllLoggers()
            .RedactLoggedHeaders(static _ => true)

            // Microsoft's resilience handler over the pipeline the standalone client builds, without the pipeline
            // registry (see ResiliencePipelineSetup.Build); RemoveAllResilienceHandlers() removes it like any other.
            .AddHttpMessageHandler(static sp => new ResilienceHandler(ResiliencePipelineSetup.Build(sp.GetRequiredService<ClientSettings>(), Logger(sp))))
            .AddHttpMessageHandler(static sp => new ResponseBufferingHandler(sp.GetRequiredService<ClientSettings>()));

        // One client for the container, like its settings, its session and its rate limit: a transient client is
        // IDisposable, so the container would keep every one resolved from the root until it is disposed. Its HttpClient
        // stays valid for the client's life: the primary handler renews its connections itself (PooledConnectionLifetime).
        services.TryAddSingleton(sp => new CustomerAddressesClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<ClientSettings>(),
            Logger(sp)));
        services.TryAddSingleton(sp => sp.GetRequiredService<CustomerAddressesClient>().Customers);
        services.TryAddSingleton(sp => sp.GetRequiredService<CustomerAddressesClient>().Addresses);
        services.TryAddSingleton(sp => sp.GetRequiredService<CustomerAddressesClient>().BillingAddresses);
        services.TryAddSingleton(sp => sp.GetRequiredService<CustomerAddressesClient>().Events);
        return builder;
    }

    private static ILogger Logger(IServiceProvider services) =>
        services.GetRequiredService<ILoggerFactory>().CreateLogger(CustomerAddressesClient.LoggerCategory);

    /// <summary>Marks a collection in which the client is registered already.</summary>
    private sealed class Registered;
}
