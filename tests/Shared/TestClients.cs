namespace CustomerAddresses.Client.Tests.Shared;

/// <summary>
/// The one way the test projects build a client: the documented options with a base address, changed by the test, and
/// optionally over a primary handler that answers on cue instead of a socket. Tests of the constructor itself
/// (options validation, README examples) build it by hand on purpose.
/// </summary>
internal static class TestClients
{
    public static CustomerAddressesClientOptions Options(Uri baseAddress, Action<CustomerAddressesClientOptions>? configure = null)
    {
        var options = new CustomerAddressesClientOptions { BaseAddress = baseAddress };
        configure?.Invoke(options);
        return options;
    }

    public static CustomerAddressesClient Create(Uri baseAddress, Action<CustomerAddressesClientOptions>? configure = null) =>
        new(Options(baseAddress, configure));

    public static CustomerAddressesClient Create(Uri baseAddress, HttpMessageHandler primaryHandler, Action<CustomerAddressesClientOptions>? configure = null) =>
        new(Options(baseAddress, configure), primaryHandler);

    public static CustomerAddressesClient Create(CustomerAddressesClientOptions options, HttpMessageHandler? primaryHandler = null) =>
        primaryHandler is null ? new(options) : new(options, primaryHandler);
}
