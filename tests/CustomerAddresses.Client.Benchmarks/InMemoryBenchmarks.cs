using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerAddresses.Client.Benchmarks;

/// <summary>
/// Each scenario as a pair, SDK (its default pipeline: validation, Refit, resilience, buffering, envelope and
/// error reading) against the hand-written baseline, both over the same in-memory handler: no sockets, so the
/// difference is the client's own cost.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class InMemoryBenchmarks
{
    private static readonly ListAddressesOptions s_page = new() { PerPage = 50 };
    private static readonly CustomerId s_customer = CustomerId.Parse(CannedApi.CustomerId);
    private static readonly CustomerId s_seedCustomer = CustomerId.Parse("cus_01h1w8r7s2v4l5m6n7p8j9k0q2");
    private static readonly CustomerId s_paddleCustomer = CustomerId.Parse(CannedApi.CustomerId);
    private static readonly ListCustomersOptions s_customerPage = new() { PerPage = 50 };
    private static readonly UpdateCustomerRequest s_rename = new() { Name = "Jo Brown-Anderson" };
    private static readonly BaselineUpdateCustomer s_baselineRename = new("Jo Brown-Anderson");
    private static readonly OrganizationId s_organization = OrganizationId.Parse(CannedApi.OrganizationId);

    private static readonly CreateAddressRequest s_address = new() { Region = "California", City = "San Francisco", Country = CountryCode.UnitedStates, Description = "Home Address" };
    private static readonly BaselineCreateAddress s_baselineAddress = new("California", "San Francisco", "US", "Home Address");

    private static readonly AddBillingAddressRequest s_billing = new()
    {
        Name = "New Office Location", Company = "Acme Corporation", AddressLine1 = "789 New Street", City = "Los Angeles", State = "CA", PostalCode = "90210", Country = CountryCode.UnitedStates,
    };

    private static readonly BaselineAddBillingAddress s_baselineBilling = new("New Office Location", "Acme Corporation", "789 New Street", "Los Angeles", "CA", "90210", "US");

    private CustomerAddressesClient _sdk = null!;
    private HttpClient _http = null!;
    private BaselineClient _baseline = null!;
    private ServiceProvider _peerProvider = null!;
    private IPeerApi _peer = null!;
    private ServiceProvider _sdkProvider = null!;
    private CustomerAddressesClient _sdkViaDi = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_sdk, _http, _baseline) = Clients.InMemory(new CannedApi().WithAddresses(50, 50), new CannedApi().WithAddresses(50, 50));
        (_peerProvider, _peer) = Registered.Peer(new CannedApi().WithAddresses(50, 50));
        (_sdkProvider, _sdkViaDi) = Registered.Sdk(new CannedApi().WithAddresses(50, 50));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _http.Dispose();
        _peerProvider.Dispose();
        _sdkProvider.Dispose();
    }

    private static async Task<int> FirstPage(CustomerAddressesClient client)
    {
        await foreach (Page<Address> page in client.Addresses.ListAsync(s_customer, s_page).AsPages())
        {
            return page.Items.Count;
        }

        return 0;
    }

    [BenchmarkCategory("Get a page of 50"), Benchmark(Baseline = true)]
    public async Task<int> GetPage_Baseline() => (await _baseline.GetPageAsync(CannedApi.CustomerId))!.Data.Count;

    [BenchmarkCategory("Get a page of 50"), Benchmark]
    public async Task<int> GetPage_Peer() => (await _peer.GetPageAsync(CannedApi.CustomerId, 50)).Data.Count;

    [BenchmarkCategory("Get a page of 50"), Benchmark]
    public Task<int> GetPage_Sdk() => FirstPage(_sdk);

    [BenchmarkCategory("Get a page of 50"), Benchmark]
    public Task<int> GetPage_SdkViaDi() => FirstPage(_sdkViaDi);

    private static async Task<int> FirstCustomerPage(CustomerAddressesClient client)
    {
        await foreach (Page<Customer> page in client.Customers.ListAsync(s_customerPage).AsPages())
        {
            return page.Items.Count;
        }

        return 0;
    }

    [BenchmarkCategory("List a page of 50 customers"), Benchmark(Baseline = true)]
    public async Task<int> ListCustomers_Baseline() => (await _baseline.ListCustomersAsync())!.Data.Count;

    [BenchmarkCategory("List a page of 50 customers"), Benchmark]
    public async Task<int> ListCustomers_Peer() => (await _peer.ListCustomersAsync(50)).Data.Count;

    [BenchmarkCategory("List a page of 50 customers"), Benchmark]
    public Task<int> ListCustomers_Sdk() => FirstCustomerPage(_sdk);

    [BenchmarkCategory("List a page of 50 customers"), Benchmark]
    public Task<int> ListCustomers_SdkViaDi() => FirstCustomerPage(_sdkViaDi);

    [BenchmarkCategory("Get a customer"), Benchmark(Baseline = true)]
    public async Task<string?> GetCustomer_Baseline() => (await _baseline.GetCustomerAsync(s_paddleCustomer.Value))?.Id;

    [BenchmarkCategory("Get a customer"), Benchmark]
    public async Task<string> GetCustomer_Peer() => (await _peer.GetCustomerAsync(s_paddleCustomer.Value)).Data.Id;

    [BenchmarkCategory("Get a customer"), Benchmark]
    public async Task<string> GetCustomer_Sdk() => (await _sdk.Customers.GetAsync(s_paddleCustomer)).Id.Value;

    [BenchmarkCategory("Get a customer"), Benchmark]
    public async Task<string> GetCustomer_SdkViaDi() => (await _sdkViaDi.Customers.GetAsync(s_paddleCustomer)).Id.Value;

    [BenchmarkCategory("Update a customer"), Benchmark(Baseline = true)]
    public async Task<string?> UpdateCustomer_Baseline() => (await _baseline.UpdateCustomerAsync(s_paddleCustomer.Value, s_baselineRename))?.Name;

    [BenchmarkCategory("Update a customer"), Benchmark]
    public async Task<string?> UpdateCustomer_Peer() => (await _peer.UpdateCustomerAsync(s_paddleCustomer.Value, s_baselineRename)).Data.Name;

    [BenchmarkCategory("Update a customer"), Benchmark]
    public async Task<string?> UpdateCustomer_Sdk() => (await _sdk.Customers.UpdateAsync(s_paddleCustomer, s_rename)).Name;

    [BenchmarkCategory("Update a customer"), Benchmark]
    public async Task<string?> UpdateCustomer_SdkViaDi() => (await _sdkViaDi.Customers.UpdateAsync(s_paddleCustomer, s_rename)).Name;

    [BenchmarkCategory("Create an address"), Benchmark(Baseline = true)]
    public async Task<string?> CreateAddress_Baseline() => (await _baseline.CreateAddressAsync(s_seedCustomer.Value, s_baselineAddress))?.Id;

    [BenchmarkCategory("Create an address"), Benchmark]
    public async Task<string> CreateAddress_Peer() => (await _peer.CreateAddressAsync(s_seedCustomer.Value, s_baselineAddress)).Id;

    [BenchmarkCategory("Create an address"), Benchmark]
    public async Task<string> CreateAddress_Sdk() => (await _sdk.Addresses.CreateAsync(s_seedCustomer, s_address)).Id.Value;

    [BenchmarkCategory("Create an address"), Benchmark]
    public async Task<string> CreateAddress_SdkViaDi() => (await _sdkViaDi.Addresses.CreateAsync(s_seedCustomer, s_address)).Id.Value;

    [BenchmarkCategory("Add a billing address"), Benchmark(Baseline = true)]
    public async Task<string?> AddBillingAddress_Baseline() => (await _baseline.AddBillingAddressAsync(s_organization.Value, s_baselineBilling))?.Id;

    [BenchmarkCategory("Add a billing address"), Benchmark]
    public async Task<string> AddBillingAddress_Peer() => (await _peer.AddBillingAddressAsync(s_organization.Value, s_baselineBilling)).Data.BillingAddress.Id;

    [BenchmarkCategory("Add a billing address"), Benchmark]
    public async Task<string> AddBillingAddress_Sdk() => (await _sdk.BillingAddresses.AddAsync(s_organization, s_billing)).Id.Value;

    [BenchmarkCategory("Add a billing address"), Benchmark]
    public async Task<string> AddBillingAddress_SdkViaDi() => (await _sdkViaDi.BillingAddresses.AddAsync(s_organization, s_billing)).Id.Value;
}

/// <summary>Both sides' clients over two identical in-memory servers (each client owns its handler).</summary>
internal static class Clients
{
    public static readonly Uri BaseAddress = new("https://api.example.com/");
    public const string ApiKey = "pdl_live_apikey_01hbenchmarkbenchmark";

    public static (CustomerAddressesClient Sdk, HttpClient Http, BaselineClient Baseline) InMemory(CannedApi forSdk, CannedApi forBaseline)
    {
        var sdk = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = BaseAddress, ApiKey = ApiKey }, forSdk);
        var http = new HttpClient(forBaseline) { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
        return (sdk, http, new BaselineClient(http));
    }
}
