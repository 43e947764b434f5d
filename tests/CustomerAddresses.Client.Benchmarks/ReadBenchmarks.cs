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
    public int Read_Sdk() => ListEnvelopeReader.Read(_page, CustomerAddresses.Client.Addresses.AddressesJsonContext.Default.ListBodyAddress, "addresses", "customer_id").Items.Count;

}

/// <summary>
/// Probes of the item read: the same items as the baseline's records, as the SDK's models read by their hand-written
/// readers, and as the same models read by source-generated metadata (a context without those readers: the
/// constructor path every <c>init</c>-only record takes, members boxed into an argument array).
/// </summary>
[MemoryDiagnoser]
public class ItemReadProbes
{
    private byte[] _items = null!;

    public byte[] ItemBytes => _items;

    [GlobalSetup]
    public void Setup()
    {
        byte[] page = CannedApi.FirstPageBytes(50);
        using JsonDocument document = JsonDocument.Parse(page);
        _items = JsonSerializer.SerializeToUtf8Bytes(document.RootElement.GetProperty("data"));
    }

    [Benchmark(Baseline = true)]
    public int Items_Baseline() => JsonSerializer.Deserialize(_items, ProbeContext.Default.ListBaselineAddress)!.Count;

    [Benchmark]
    public int Items_Sdk() => JsonSerializer.Deserialize(_items, CustomerAddresses.Client.Addresses.AddressesJsonContext.Default.ListAddress)!.Count;

    [Benchmark]
    public int Items_SdkTypesThroughGeneratedMetadata() => JsonSerializer.Deserialize(_items, ProbeContext.Default.ListAddress)!.Count;
}

[System.Text.Json.Serialization.JsonSerializable(typeof(List<BaselineAddress>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(List<Address>))]
internal sealed partial class ProbeContext : System.Text.Json.Serialization.JsonSerializerContext;
