using System.Diagnostics;

// The first calls of a fresh process: get a customer, then create an address, against the base URL in args[0] (a
// loopback server answering Paddle's examples). Prints "ok <working set after the calls, bytes> <ms in Main> <address id>".
var main = Stopwatch.StartNew();
var baseAddress = new Uri(args[0]);
string id = await FirstCallsAsync(baseAddress);
Console.WriteLine($"ok {Environment.WorkingSet} {main.Elapsed.TotalMilliseconds:0.0} {id}");
return 0;

#if SIDE_RAW
static async Task<string> FirstCallsAsync(Uri baseAddress)
{
    using var http = new HttpClient { BaseAddress = baseAddress };
    http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ColdStart.Api.Key);
    using HttpResponseMessage got = await http.GetAsync(new Uri("customers/" + ColdStart.Api.CustomerId, UriKind.Relative));
    got.EnsureSuccessStatusCode();
    ColdStart.RawCustomerEnvelope customer = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync(got.Content, ColdStart.RawJsonContext.Default.RawCustomerEnvelope))!;
    using HttpResponseMessage created = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(
        http, new Uri($"customers/{customer.Data.Id}/addresses", UriKind.Relative), new ColdStart.RawCreateAddress("US", "New York"), ColdStart.RawJsonContext.Default.RawCreateAddress);
    created.EnsureSuccessStatusCode();
    ColdStart.RawAddressEnvelope address = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync(created.Content, ColdStart.RawJsonContext.Default.RawAddressEnvelope))!;
    return address.Data.Id;
}
#elif SIDE_PEER
static async Task<string> FirstCallsAsync(Uri baseAddress)
{
    var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
    var settings = new Refit.RefitSettings { ContentSerializer = new Refit.SystemTextJsonContentSerializer(ColdStart.RawJsonContext.Default.Options) };
    Microsoft.Extensions.DependencyInjection.ResilienceHttpClientBuilderExtensions.AddStandardResilienceHandler(
        Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.ConfigureHttpClient(
            Refit.HttpClientFactoryExtensions.AddRefitGeneratedClient<ColdStart.IPeerApi>(services, settings),
            http =>
            {
                http.BaseAddress = baseAddress;
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ColdStart.Api.Key);
            }));
    await using Microsoft.Extensions.DependencyInjection.ServiceProvider provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
    var api = (ColdStart.IPeerApi)provider.GetService(typeof(ColdStart.IPeerApi))!;
    ColdStart.RawCustomerEnvelope customer = await api.GetCustomerAsync(ColdStart.Api.CustomerId);
    ColdStart.RawAddressEnvelope address = await api.CreateAddressAsync(customer.Data.Id, new ColdStart.RawCreateAddress("US", "New York"));
    return address.Data.Id;
}
#elif SIDE_SDK
static async Task<string> FirstCallsAsync(Uri baseAddress)
{
    using var client = new CustomerAddresses.Client.CustomerAddressesClient(new CustomerAddresses.Client.CustomerAddressesClientOptions
    {
        BaseAddress = baseAddress,
        Dialect = CustomerAddresses.Client.ApiDialect.PaddleBilling,
        ApiKey = ColdStart.Api.Key,
    });
    CustomerAddresses.Client.Customer customer = await client.Customers.GetAsync(CustomerAddresses.Client.CustomerId.Parse(ColdStart.Api.CustomerId));
    CustomerAddresses.Client.Address address = await client.Addresses.CreateAsync(customer.Id, new CustomerAddresses.Client.CreateAddressRequest { Country = "US", City = "New York" });
    return address.Id.Value;
}
#elif SIDE_SDKDI
static async Task<string> FirstCallsAsync(Uri baseAddress)
{
    var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
    Microsoft.Extensions.DependencyInjection.CustomerAddressesServiceCollectionExtensions.AddCustomerAddressesClient(services, o =>
    {
        o.BaseAddress = baseAddress;
        o.Dialect = CustomerAddresses.Client.ApiDialect.PaddleBilling;
        o.ApiKey = ColdStart.Api.Key;
    });
    await using Microsoft.Extensions.DependencyInjection.ServiceProvider provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
    var client = (CustomerAddresses.Client.CustomerAddressesClient)provider.GetService(typeof(CustomerAddresses.Client.CustomerAddressesClient))!;
    CustomerAddresses.Client.Customer customer = await client.Customers.GetAsync(CustomerAddresses.Client.CustomerId.Parse(ColdStart.Api.CustomerId));
    CustomerAddresses.Client.Address address = await client.Addresses.CreateAsync(customer.Id, new CustomerAddresses.Client.CreateAddressRequest { Country = "US", City = "New York" });
    return address.Id.Value;
}
#endif
