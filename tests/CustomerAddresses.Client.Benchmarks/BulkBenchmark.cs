using System.Diagnostics;
using System.Globalization;
using CustomerAddresses.Client.Testing;
using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Bulk;

namespace CustomerAddresses.Client.Benchmarks;

/// <summary>
/// The bulk import and export, measured as the issue asks (not timed tests): the import's throughput as a share of the
/// server's allowed rate, on an emulator that enforces Paddle's kind of limit, with the 429s it received; and the
/// export's peak memory at 10,000 and 100,000 addresses, from a server that generates its pages (so it holds none).
/// </summary>
internal static class BulkBenchmark
{
    internal static async Task<int> RunAsync(int seconds, int perMinute)
    {
        Console.WriteLine($"Import at the server's limit: {perMinute} requests a minute, for about {seconds} s");
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RequestsPerMinute = perMinute, RecordRequests = false });
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Dialect = ApiDialect.PaddleBilling,
            RateLimit = { RequestsPerMinute = perMinute },
        });
        int rows = perMinute * seconds / 60 / 2; // a customer and an address each: two requests a row
        var journal = Path.Combine(Path.GetTempPath(), $"bulk-benchmark-{Guid.NewGuid():N}.journal");
        var clock = Stopwatch.StartNew();
        BulkProgress result;
        try
        {
            var source = Enumerable.Range(1, rows).Select(i => new BulkImportRow { LineNumber = i, Email = $"bench{i}@example.com", Country = "GB", City = "York" });
            result = await new BulkClient(client).ImportAsync(source.ToAsyncEnumerable(), new BulkImportOptions { JournalPath = journal, MaxConcurrency = 8 });
        }
        finally
        {
            File.Delete(journal);
        }

        // Steady state: the first request leaves at once, each other one interval after the one before.
        double achieved = (result.Requests - 1) / clock.Elapsed.TotalMinutes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| requests | time | rate | share of the limit | 429s received | 429s the server sent |"));
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {result.Requests} | {clock.Elapsed.TotalSeconds:0.0} s | {achieved:0.0}/min | {achieved / perMinute:P1} | {result.RateLimited} | {emulator.Statistics.RateLimits} |"));

        Console.WriteLine();
        Console.WriteLine("Export memory: the managed heap's peak while streaming, above where it started (forced collections every 1,000 records)");
        Console.WriteLine("| addresses | customers | requests | peak heap growth | heap after the last record |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (int customers in new[] { 100, 1_000 })
        {
            await ExportAsync(customers, 100);
        }

        bool ok = result.RateLimited == 0 && achieved / perMinute >= 0.95;
        Console.WriteLine(ok ? "Bulk: ok" : "Bulk: the import did not reach 95% of the limit without a 429");
        return ok ? 0 : 1;
    }

    private static async Task ExportAsync(int customers, int addressesEach)
    {
        var server = new GeneratedListServer(customers, addressesEach);
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = new Uri("https://api.example.com/"), Dialect = ApiDialect.PaddleBilling }, server);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = before;
        long records = 0;
        long attempts = client.Settings!.Counters.Attempts;
        await foreach (BulkExportRecord _ in new BulkClient(client).ExportAsync())
        {
            if (++records % 1_000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        long after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {records:N0} | {customers:N0} | {client.Settings.Counters.Attempts - attempts:N0} | {(peak - before) / 1024.0:0} KiB | {(after - before) / 1024.0:0} KiB |"));
    }
}
