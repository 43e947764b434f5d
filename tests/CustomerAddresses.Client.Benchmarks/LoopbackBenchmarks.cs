using BenchmarkDotNet.Attributes;
using CustomerAddresses.Client.Testing;

namespace CustomerAddresses.Client.Benchmarks;

/// <summary>
/// 32 concurrent callers, 10 page requests each, against the emulator over loopback: requests per second = 320 / mean.
/// The emulator's Kestrel shares the process and its two cores with the callers, so one run is noisy: three launches,
/// and the median shown beside the mean.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 3, warmupCount: 5, iterationCount: 30)]
public class LoopbackBenchmarks
{
    public const int Callers = 32;
    public const int RequestsPerCaller = 10;

    private CustomerAddressesEmulator _emulator = null!;
    private CustomerAddressesClient _sdk = null!;
    private HttpClient _http = null!;
    private BaselineClient _baseline = null!;
    private CustomerId _customer;
    private Microsoft.Extensions.DependencyInjection.ServiceProvider _peerProvider = null!;
    private IPeerApi _peer = null!;
    private Microsoft.Extensions.DependencyInjection.ServiceProvider _sdkProvider = null!;
    private CustomerAddressesClient _sdkViaDi = null!;
    private static readonly ListAddressesOptions s_page = new() { PerPage = 50 };

    [GlobalSetup]
    public void Setup()
    {
        _emulator = CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RecordRequests = false }).GetAwaiter().GetResult();
        _sdk = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = _emulator.BaseAddress, Dialect = ApiDialect.PaddleBilling });
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = _emulator.BaseAddress };
        _baseline = new BaselineClient(_http);
        (_peerProvider, _peer) = Registered.Peer(_emulator.BaseAddress, server: null);
        (_sdkProvider, _sdkViaDi) = Registered.Sdk(_emulator.BaseAddress, server: null, ApiDialect.PaddleBilling);
        _customer = _sdk.Customers.CreateAsync(new CreateCustomerRequest { Name = "Bench", Email = "bench@example.com" }).GetAwaiter().GetResult().Id;
        for (int i = 0; i < 50; i++)
        {
            _sdk.Addresses.CreateAsync(_customer, new CreateAddressRequest { Region = "R", City = "C" + i, Country = "US" }).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _http.Dispose();
        _peerProvider.Dispose();
        _sdkProvider.Dispose();
        _emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public Task<int[]> Concurrent_Baseline() => Task.WhenAll(Enumerable.Range(0, Callers).Select(async _ =>
    {
        int items = 0;
        for (int i = 0; i < RequestsPerCaller; i++)
        {
            items += (await _baseline.GetPageAsync(_customer.Value))!.Data.Count;
        }

        return items;
    }));

    [Benchmark]
    public Task<int[]> Concurrent_Peer() => Task.WhenAll(Enumerable.Range(0, Callers).Select(async _ =>
    {
        int items = 0;
        for (int i = 0; i < RequestsPerCaller; i++)
        {
            items += (await _peer.GetPageAsync(_customer.Value, 50)).Data.Count;
        }

        return items;
    }));

    [Benchmark]
    public Task<int[]> Concurrent_Sdk() => Concurrent(_sdk);

    [Benchmark]
    public Task<int[]> Concurrent_SdkViaDi() => Concurrent(_sdkViaDi);

    private Task<int[]> Concurrent(CustomerAddressesClient client) => Task.WhenAll(Enumerable.Range(0, Callers).Select(async _ =>
    {
        int items = 0;
        for (int i = 0; i < RequestsPerCaller; i++)
        {
            await foreach (Page<Address> page in client.Addresses.ListAsync(_customer, s_page).AsPages())
            {
                items += page.Items.Count;
                break;
            }
        }

        return items;
    }));
}
