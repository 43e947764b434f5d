using CustomerAddresses.Client.Testing;
using Microsoft.Extensions.Logging.Testing;
using Xunit.Abstractions;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary>
/// 500 creates through 22% injected faults: every create that reported success is stored exactly once; one that
/// failed before the server processed it is not stored; and no create is ever sent again after a 5xx or a timeout.
/// </summary>
public sealed class ChaosCreationTests(ITestOutputHelper output)
{
    private const int Creates = 500;

    [Theory]
    [InlineData(5)]
    [InlineData(17)]
    public async Task Creates_are_stored_once_if_acknowledged_and_never_repeated_after_a_5xx_or_timeout(int seed)
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync(Chaos.Emulator(seed));
        var logs = new FakeLogCollector();
        using CustomerAddressesClient setup = Chaos.SetupClient(emulator);
        using CustomerAddressesClient client = Chaos.Client(emulator, logs);
        Customer customer = await setup.Customers.CreateAsync(new CreateCustomerRequest { Name = "Chaos", Email = $"create{seed}@example.com" });
        await setup.Addresses.ListAsync(customer.Id).ToListAsync(); // warm the server's paths up before the clock gets tight
        Chaos.TurnOnFaults(emulator.Options);

        var outcomes = new (string? Id, Exception? Error)[Creates];
        await Parallel.ForEachAsync(Enumerable.Range(0, Creates), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            try
            {
                Address address = await client.Addresses.CreateAsync(customer.Id, new CreateAddressRequest { Region = "R", City = "C", Country = "US", Description = $"create-{i}" }, ct);
                outcomes[i] = (address.Id.Value, null);
            }
            catch (Exception e)
            {
                outcomes[i] = (null, e);
            }
        });

        // Read back what the server holds, with faults off.
        emulator.Options.ServerErrorRate = emulator.Options.RateLimitRate = emulator.Options.LatencyRate = emulator.Options.AbortRate = 0;
        List<Address> stored = await setup.Addresses.ListAsync(customer.Id, new ListAddressesOptions { PerPage = 200 }).ToListAsync();
        ILookup<string?, Address> byDescription = stored.ToLookup(a => a.Description);

        for (int i = 0; i < Creates; i++)
        {
            Address[] records = byDescription[$"create-{i}"].ToArray();
            switch (outcomes[i])
            {
                case ({ } id, null):
                    Assert.Equal(id, Assert.Single(records).Id.Value); // acknowledged: stored exactly once
                    break;
                case (null, ServerErrorException or RateLimitedException):
                    Assert.Empty(records); // refused before processing: not stored
                    break;
                case (null, HttpRequestException or TimeoutException):
                    Assert.InRange(records.Length, 0, 1); // the documented ambiguity: cut off after the server may have stored it
                    break;
                case (null, { } other):
                    Assert.Fail($"create {i} failed with an undocumented {other.GetType().Name}: {other.Message}");
                    break;
            }
        }

        // One X-Client-Request-Id per call: every attempt but the last of a create must have been refused with 429.
        List<IGrouping<string?, EmulatedRequest>> calls = emulator.Requests
            .Where(r => r.Method == "POST" && r.Path.EndsWith("/addresses", StringComparison.Ordinal))
            .GroupBy(r => r.ClientRequestId).ToList();
        Assert.InRange(calls.Count, outcomes.Count(o => o.Id is not null), Creates); // a create that timed out before the server read it never arrived
        Assert.All(calls, call => Assert.All(call.SkipLast(1), attempt => Assert.Equal(EmulatorFault.RateLimited, attempt.Fault)));
        Assert.Equal(stored.Count, stored.Select(a => a.Description).Distinct().Count()); // nothing was stored twice

        Chaos.AssertNoSecretIn(Chaos.Texts(logs).Concat(outcomes.Where(o => o.Error is not null).Select(o => o.Error!.ToString())));
        List<EmulatedRequest> posts = calls.SelectMany(c => c).ToList();
        output.WriteLine(
            $"seed {seed}: {Creates} creates, {posts.Count} POSTs sent, {posts.Count(p => p.Fault != EmulatorFault.None)} faults injected " +
            $"({posts.Count(p => p.Fault == EmulatorFault.ServerError)} × 503, {posts.Count(p => p.Fault == EmulatorFault.RateLimited)} × 429, " +
            $"{posts.Count(p => p.Fault == EmulatorFault.Latency)} delayed, {posts.Count(p => p.Fault == EmulatorFault.Aborted)} cut); " +
            $"{outcomes.Count(o => o.Id is not null)} acknowledged, {stored.Count} stored, " +
            $"{outcomes.Count(o => o.Error is HttpRequestException or TimeoutException)} ambiguous failures, " +
            $"{outcomes.Count(o => o.Error is ServerErrorException or RateLimitedException)} clean failures; no POST repeated after a 5xx or timeout");
    }
}
