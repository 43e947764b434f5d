using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CustomerAddresses.Client.Protocol;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.Benchmarks;

/// <summary>Only the reading of one page of 50 addresses from bytes: where the paging time goes.</summary>
[MemoryDiagnoser]
public class ReadBenchmarks
{
    private byte[] _page = null!;

    [GlobalSetup]
    public void Setup() => _page = CannedApi.FirstPageBytes(50);

    [Benchmark(Baseline = true)]
    public int Read_Baseline() => JsonSerializer.Deserialize(_page, BaselineJsonContext.Default.BaselineList)!.Data.Count;

    [Benchmark]
    public int Read_Sdk() => ListEnvelopeReader.Read(_page, CustomerAddressesJsonContext.Default.ListAddress, "addresses", "customer_id").Items.Count;

}
