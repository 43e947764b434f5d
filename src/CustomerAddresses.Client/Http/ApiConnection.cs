using CustomerAddresses.Client.Addresses;
using CustomerAddresses.Client.BillingAddresses;
using CustomerAddresses.Client.Customers;
using CustomerAddresses.Client.Serialization;
using Microsoft.Extensions.Logging;
using Refit;

namespace CustomerAddresses.Client.Http;

/// <summary>One HttpClient, the Refit clients built on it, and the reader of their responses.</summary>
internal sealed class ApiConnection
{
    /// <summary>
    /// Built once: the source-generated JSON context, bodies buffered so they carry a Content-Length and can be
    /// sent again intact, and no Refit exception ever: status codes are read by <see cref="ResponseReader"/> and
    /// transport failures pass through unchanged.
    /// </summary>
    private static readonly RefitSettings s_refitSettings = CreateRefitSettings();

    internal ApiConnection(HttpClient httpClient, ClientSettings settings, ILogger logger)
    {
        HttpClient = httpClient;
        Settings = settings;
        Reader = new ResponseReader(settings.Redactor, settings.TimeProvider, logger);
        Customers = RestService.ForGenerated<ICustomersApi>(httpClient, s_refitSettings);
        Addresses = RestService.ForGenerated<IAddressesApi>(httpClient, s_refitSettings);
        BillingAddresses = RestService.ForGenerated<IBillingAddressesApi>(httpClient, s_refitSettings);
    }

    internal HttpClient HttpClient { get; }

    internal ClientSettings Settings { get; }

    internal ResponseReader Reader { get; }

    internal ICustomersApi Customers { get; }

    internal IAddressesApi Addresses { get; }

    internal IBillingAddressesApi BillingAddresses { get; }

    private static RefitSettings CreateRefitSettings()
    {
        RefitSettings settings = RefitSettings.ForJsonContext(CustomerAddressesJsonContext.Default);
        settings.Buffered = true;
        settings.ExceptionFactory = static _ => new ValueTask<Exception?>((Exception?)null);
        settings.TransportExceptionFactory = static (_, exception, _) => exception;
        return settings;
    }
}
