using BenchmarkDotNet.Attributes;

namespace CustomerAddresses.Client.Benchmarks;

/// <summary>Every address of a customer, auto-paged 200 at a time: SDK <c>ListAsync</c> against a hand-written cursor loop.</summary>
[MemoryDiagnoser]
public class StreamingBenchmarks
{
    private static readonly CustomerId s_customer = CustomerId.Parse(CannedApi.CustomerId);
    private static readonly ListAddressesOptions s_options = new() { PerPage = 200 };

    private CustomerAddressesClient _sdk = null!;
    private HttpClient _http = null!;
    private BaselineClient _baseline = null!;

    [Params(10_000, 100_000)]
    public int Total { get; set; }

    [GlobalSetup]
    public void Setup() =>
        (_sdk, _http, _baseline) = Clients.InMemory(new CannedApi().WithAddresses(Total, 200), new CannedApi().WithAddresses(Total, 200));

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _http.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<int> Stream_Baseline() => _baseline.StreamAsync(CannedApi.CustomerId, 200);

    [Benchmark]
    public async Task<int> Stream_Sdk()
    {
        int count = 0;
        await foreach (Address address in _sdk.Addresses.ListAsync(s_customer, s_options))
        {
            count++;
        }

        return count;
    }
}
