using System.Diagnostics;

namespace CustomerAddresses.Client.Benchmarks;

/// <summary>
/// A rough in-process loop over the in-memory scenarios: time and bytes per call after a warm-up, for quick
/// before/after comparisons while working. Not the published figures (BenchmarkDotNet's are).
/// </summary>
internal static class Probe
{
    private static readonly byte[] s_create = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "000-create-address.response.json"));
    private static readonly byte[] s_billing = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "004-add-billing-address.response.json"));

    public static async Task RunAsync(string? only)
    {
        var b = new InMemoryBenchmarks();
        b.Setup();
        var r = new ReadBenchmarks();
        r.Setup();
        var ip = new ItemReadProbes();
        ip.Setup();
        var cases = new (string Name, Func<Task> Call)[]
        {
            ("create raw", () => b.CreateAddress_Baseline()),
            ("create peer", () => b.CreateAddress_Peer()),
            ("create sdk", () => b.CreateAddress_Sdk()),
            ("create di", () => b.CreateAddress_SdkViaDi()),
            ("billing raw", () => b.AddBillingAddress_Baseline()),
            ("billing peer", () => b.AddBillingAddress_Peer()),
            ("billing sdk", () => b.AddBillingAddress_Sdk()),
            ("billing di", () => b.AddBillingAddress_SdkViaDi()),
            ("get raw", () => b.GetCustomer_Baseline()),
            ("get peer", () => b.GetCustomer_Peer()),
            ("get sdk", () => b.GetCustomer_Sdk()),
            ("get di", () => b.GetCustomer_SdkViaDi()),
            ("update raw", () => b.UpdateCustomer_Baseline()),
            ("update peer", () => b.UpdateCustomer_Peer()),
            ("update sdk", () => b.UpdateCustomer_Sdk()),
            ("update di", () => b.UpdateCustomer_SdkViaDi()),
            ("customers raw", () => b.ListCustomers_Baseline()),
            ("customers peer", () => b.ListCustomers_Peer()),
            ("customers sdk", () => b.ListCustomers_Sdk()),
            ("customers di", () => b.ListCustomers_SdkViaDi()),
            ("read create raw", () => { _ = System.Text.Json.JsonSerializer.Deserialize(s_create, BaselineJsonContext.Default.BaselineAddress); return Task.CompletedTask; }),
            ("read create sdk", () => { _ = CustomerAddresses.Client.Protocol.ResourceEnvelope.Read(s_create, CustomerAddresses.Client.Addresses.AddressesJsonContext.Default.Address, out _); return Task.CompletedTask; }),
            ("read create env+raw", () => { _ = CustomerAddresses.Client.Protocol.ResourceEnvelope.Read(s_create, BaselineJsonContext.Default.BaselineAddress, out _); return Task.CompletedTask; }),
            ("read create sdk type", () => { _ = System.Text.Json.JsonSerializer.Deserialize(s_create, CustomerAddresses.Client.Addresses.AddressesJsonContext.Default.Address); return Task.CompletedTask; }),
            ("read billing raw", () => { _ = System.Text.Json.JsonSerializer.Deserialize(s_billing, BaselineJsonContext.Default.BaselineBillingEnvelope); return Task.CompletedTask; }),
            ("read billing sdk", () => { _ = CustomerAddresses.Client.Protocol.ResourceEnvelope.Read(s_billing, CustomerAddresses.Client.BillingAddresses.BillingAddressesJsonContext.Default.BillingAddress, out _); return Task.CompletedTask; }),
            ("readpage raw", () => { _ = r.Read_Baseline(); return Task.CompletedTask; }),
            ("readpage sdk", () => { _ = r.Read_Sdk(); return Task.CompletedTask; }),
            ("readitems raw", () => { _ = ip.Items_Baseline(); return Task.CompletedTask; }),
            ("readitems sdk", () => { _ = ip.Items_Sdk(); return Task.CompletedTask; }),
            ("page raw", () => b.GetPage_Baseline()),
            ("page peer", () => b.GetPage_Peer()),
            ("page sdk", () => b.GetPage_Sdk()),
            ("page di", () => b.GetPage_SdkViaDi()),
        };
        foreach ((string name, Func<Task> call) in cases)
        {
            if (only is not null && !name.StartsWith(only, StringComparison.Ordinal))
            {
                continue;
            }

            int n = name.Contains("page", StringComparison.Ordinal) || name.Contains("items", StringComparison.Ordinal) || name.StartsWith("customers", StringComparison.Ordinal) ? 3_000 : 50_000;
            for (int i = 0; i < n / 5; i++)
            {
                await call();
            }

            double best = double.MaxValue;
            long bytes = 0;
            for (int round = 0; round < 5; round++)
            {
                GC.Collect();
                long before = GC.GetTotalAllocatedBytes(precise: true);
                long start = Stopwatch.GetTimestamp();
                for (int i = 0; i < n; i++)
                {
                    await call();
                }

                double us = Stopwatch.GetElapsedTime(start).TotalMicroseconds / n;
                bytes = (GC.GetTotalAllocatedBytes(precise: true) - before) / n;
                best = Math.Min(best, us);
            }

            Console.WriteLine($"{name,-14} {best,8:N2} us {bytes,8:N0} B");
        }

        b.Cleanup();
    }

    /// <summary>
    /// The loopback scenario in interleaved rounds: each round runs the four sides once, in a rotating order, so drift in
    /// the machine (the emulator shares the process and its cores) falls on all of them alike; the medians are compared.
    /// </summary>
    public static async Task LoopbackAsync(int rounds)
    {
        var b = new LoopbackBenchmarks();
        b.Setup();
        var sides = new (string Name, Func<Task<int[]>> Run)[]
        {
            ("raw", b.Concurrent_Baseline), ("peer", b.Concurrent_Peer), ("sdk", b.Concurrent_Sdk), ("sdk via DI", b.Concurrent_SdkViaDi),
        };
        var times = sides.Select(_ => new List<double>()).ToArray();
        for (int warm = 0; warm < 5; warm++)
        {
            foreach ((_, Func<Task<int[]>> run) in sides)
            {
                await run();
            }
        }

        for (int round = 0; round < rounds; round++)
        {
            for (int k = 0; k < sides.Length; k++)
            {
                int i = (round + k) % sides.Length;
                long start = Stopwatch.GetTimestamp();
                await sides[i].Run();
                times[i].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        double Median(List<double> t)
        {
            var sorted = t.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        double raw = Median(times[0]);
        for (int i = 0; i < sides.Length; i++)
        {
            double median = Median(times[i]);
            int requests = LoopbackBenchmarks.Callers * LoopbackBenchmarks.RequestsPerCaller;
            Console.WriteLine($"{sides[i].Name,-11} median {median,7:N1} ms ({requests / median * 1000,6:N0} req/s, throughput {raw / median:N2}x raw), mean {times[i].Average(),7:N1} ms over {rounds} rounds");
        }

        b.Cleanup();
    }
}
