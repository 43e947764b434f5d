using System.Diagnostics;
using BenchmarkDotNet.Running;
using CustomerAddresses.Client;
using CustomerAddresses.Client.Benchmarks;

// dotnet run -c Release --project tests/CustomerAddresses.Client.Benchmarks -- --filter '*'   the benchmarks
// ... -- --quick                                                                         each once, in-process, checked
// ... -- --probe [name]                                                                a rough in-process loop, for quick comparisons while working
// ... -- --loopback                                                                     the loopback scenario in interleaved rounds (medians)
// ... -- --peak                                                                          peak memory while streaming
// ... -- --cold-start [--rounds N] [--modes jit,r2r-package,r2r-app,aot]                a fresh process per sample: the first call
// ... -- --tool-start [--rounds N]                                                      the customeraddresses tool's start-up: jit, r2r, aot
// ... -- --bulk [--seconds N] [--per-minute N]                                         import throughput at a rate limit, export memory
// ... -- --mirror [--customers N] [--per-minute N]                                     the mirror: lag, catch-up share, backfill against its bound
if (args.Contains("--cold-start"))
{
    int rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(int.Parse).DefaultIfEmpty(30).First();
    string[] modes = args.SkipWhile(a => a != "--modes").Skip(1).Select(m => m.Split(',')).DefaultIfEmpty(["jit", "r2r-package", "r2r-app", "aot"]).First();
    return await ColdStart.RunAsync(rounds, modes);
}

if (args.Contains("--tool-start"))
{
    return await ToolStart.RunAsync(args.SkipWhile(a => a != "--rounds").Skip(1).Select(int.Parse).DefaultIfEmpty(20).First());
}

if (args.Contains("--bulk"))
{
    int seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(int.Parse).DefaultIfEmpty(120).First();
    int perMinute = args.SkipWhile(a => a != "--per-minute").Skip(1).Select(int.Parse).DefaultIfEmpty(240).First();
    return await BulkBenchmark.RunAsync(seconds, perMinute);
}

if (args.Contains("--mirror"))
{
    int customers = args.SkipWhile(a => a != "--customers").Skip(1).Select(int.Parse).DefaultIfEmpty(10_000).First();
    int perMinute = args.SkipWhile(a => a != "--per-minute").Skip(1).Select(int.Parse).DefaultIfEmpty(60_000).First();
    return await MirrorBenchmark.RunAsync(customers, perMinute);
}

if (args.Contains("--quick"))
{
    return await QuickCheck();
}

if (args.Contains("--loopback"))
{
    await Probe.LoopbackAsync(rounds: 60);
    return 0;
}

if (args.Contains("--probe"))
{
    await Probe.RunAsync(args.SkipWhile(a => a != "--probe").Skip(1).FirstOrDefault());
    return 0;
}

if (args.Contains("--peak"))
{
    await PeakMemory();
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

// Runs every benchmark once and checks that both sides of each pair return the same thing: the benchmarks cannot rot.
static async Task<int> QuickCheck()
{
    var failures = new List<string>();
    void Same<T>(string name, T baseline, T sdk)
    {
        bool same = EqualityComparer<T>.Default.Equals(baseline, sdk);
        Console.WriteLine($"{(same ? "ok  " : "FAIL")} {name}: baseline {baseline}, sdk {sdk}");
        if (!same)
        {
            failures.Add(name);
        }
    }

    var inMemory = new InMemoryBenchmarks();
    inMemory.Setup();
    Same("get a page of 50", await inMemory.GetPage_Baseline(), await inMemory.GetPage_Sdk());
    Same("get a page of 50 (peer)", await inMemory.GetPage_Baseline(), await inMemory.GetPage_Peer());
    Same("get a page of 50 (SDK via DI)", await inMemory.GetPage_Baseline(), await inMemory.GetPage_SdkViaDi());
    Same("create an address", await inMemory.CreateAddress_Baseline(), await inMemory.CreateAddress_Sdk());
    Same("create an address (peer)", await inMemory.CreateAddress_Baseline(), await inMemory.CreateAddress_Peer());
    Same("create an address (SDK via DI)", await inMemory.CreateAddress_Baseline(), await inMemory.CreateAddress_SdkViaDi());
    Same("add a billing address", await inMemory.AddBillingAddress_Baseline(), await inMemory.AddBillingAddress_Sdk());
    Same("add a billing address (peer)", await inMemory.AddBillingAddress_Baseline(), await inMemory.AddBillingAddress_Peer());
    Same("add a billing address (SDK via DI)", await inMemory.AddBillingAddress_Baseline(), await inMemory.AddBillingAddress_SdkViaDi());
    Same("list a page of 50 customers", await inMemory.ListCustomers_Baseline(), await inMemory.ListCustomers_Sdk());
    Same("list a page of 50 customers (peer)", await inMemory.ListCustomers_Baseline(), await inMemory.ListCustomers_Peer());
    Same("list a page of 50 customers (SDK via DI)", await inMemory.ListCustomers_Baseline(), await inMemory.ListCustomers_SdkViaDi());
    Same("get a customer", await inMemory.GetCustomer_Baseline(), await inMemory.GetCustomer_Sdk());
    Same("get a customer (peer)", await inMemory.GetCustomer_Baseline(), await inMemory.GetCustomer_Peer());
    Same("get a customer (SDK via DI)", await inMemory.GetCustomer_Baseline(), await inMemory.GetCustomer_SdkViaDi());
    Same("update a customer", await inMemory.UpdateCustomer_Baseline(), await inMemory.UpdateCustomer_Sdk());
    Same("update a customer (peer)", await inMemory.UpdateCustomer_Baseline(), await inMemory.UpdateCustomer_Peer());
    Same("update a customer (SDK via DI)", await inMemory.UpdateCustomer_Baseline(), await inMemory.UpdateCustomer_SdkViaDi());
    inMemory.Cleanup();

    var read = new ReadBenchmarks();
    read.Setup();
    Same("read a page of 50 from bytes", read.Read_Baseline(), read.Read_Sdk());
    var probes = new ItemReadProbes();
    probes.Setup();
    Same("read 50 items", probes.Items_Baseline(), probes.Items_Sdk());
    Same("read 50 items (generated metadata, no hand-written reader)", probes.Items_Baseline(), probes.Items_SdkTypesThroughGeneratedMetadata());

    var streaming = new StreamingBenchmarks { Total = 10_000 };
    streaming.Setup();
    Same("stream 10,000 addresses", await streaming.Stream_Baseline(), await streaming.Stream_Sdk());
    streaming.Cleanup();

    var csv = new CsvBenchmarks { Rows = 1_000 };
    csv.Setup();
    Same("read an import's CSV: Sep and CsvHelper", csv.Sep_Read(), csv.CsvHelper_Read());

    var permits = new PermitBenchmarks();
    permits.Setup();
    Same("a permit: in-process, and shared through Redis", await permits.Permit_InProcess(), await permits.Permit_SharedThroughRedis());
    Same("the call a permit is for", (await permits.Call_OverLoopback()).StartsWith("ctm_", StringComparison.Ordinal), true);
    permits.Cleanup();

    var loopback = new LoopbackBenchmarks();
    loopback.Setup();
    Same("32 callers over loopback", (await loopback.Concurrent_Baseline()).Sum(), (await loopback.Concurrent_Sdk()).Sum());
    Same("32 callers over loopback (peer)", (await loopback.Concurrent_Baseline()).Sum(), (await loopback.Concurrent_Peer()).Sum());
    Same("32 callers over loopback (SDK via DI)", (await loopback.Concurrent_Baseline()).Sum(), (await loopback.Concurrent_SdkViaDi()).Sum());
    loopback.Cleanup();

    Console.WriteLine(failures.Count == 0 ? "Benchmarks: quick check passed." : $"Benchmarks: quick check FAILED: {string.Join(", ", failures)}");
    return failures.Count == 0 ? 0 : 1;
}

// Streams 10,000 and 100,000 addresses and samples the managed heap every 10 pages: streaming means the peak
// does not grow with the total.
static async Task PeakMemory()
{
    foreach (int total in new[] { 10_000, 100_000 })
    {
        var (sdk, http, baseline) = Clients.InMemory(new CannedApi().WithAddresses(total, 200, lazy: true), new CannedApi().WithAddresses(total, 200, lazy: true));
        long sdkPeak = 0;
        int count = 0;
        GC.Collect();
        long floor = GC.GetTotalMemory(forceFullCollection: true);
        await foreach (Address address in sdk.Addresses.ListAsync(CustomerId.Parse(CannedApi.CustomerId), new ListAddressesOptions { PerPage = 200 }))
        {
            if (++count % 2000 == 0)
            {
                sdkPeak = Math.Max(sdkPeak, GC.GetTotalMemory(forceFullCollection: true) - floor);
            }
        }

        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        int baselineCount = await baseline.StreamAsync(CannedApi.CustomerId, 200);
        Console.WriteLine($"stream {total,7:N0} addresses (sdk {count:N0}, baseline {baselineCount:N0}): SDK peak retained managed memory {sdkPeak / 1024.0:N0} KiB above the floor");
        sdk.Dispose();
        http.Dispose();
        _ = allocated;
    }
}
