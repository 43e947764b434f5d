using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Bulk;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary>
/// An export streams: 100,000 addresses of 1,000 customers, generated page by page by the server (so the server holds
/// none), go through in flat memory: the managed heap after the 100,000th record is where it was after the 10,000th.
/// The heap is the process's: the test runs alone, as every measurement of it does, or other tests' allocations count.
/// </summary>
[Collection(nameof(MemoryMeasurements))]
public sealed class BulkExportMemoryTests
{
    [Fact]
    public async Task One_hundred_thousand_addresses_export_in_flat_memory()
    {
        using CustomerAddressesClient client = TestClients.Create(new Uri("https://api.example.com/"), new GeneratedListServer(1_000, 100), o => o.Dialect = ApiDialect.PaddleBilling);
        var heap = new List<long>();
        long records = 0;
        string? lastAddress = null;

        await foreach (BulkExportRecord record in new BulkClient(client).ExportAsync())
        {
            records++;
            lastAddress = record.Address?.Id.Value;
            if (records % 10_000 == 0)
            {
                heap.Add(GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        Assert.Equal(100_000, records);
        Assert.Equal("add_00000000000000000000000999_000099", lastAddress);
        long growth = heap.Max() - heap[0];
        Assert.True(growth < 2 * 1024 * 1024, $"the heap grew by {growth / 1024} KiB from the 10,000th record to the 100,000th: {string.Join(", ", heap.Select(h => h / 1024))} KiB");
    }
}
