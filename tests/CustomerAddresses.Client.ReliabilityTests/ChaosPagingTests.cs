using CustomerAddresses.Client.Testing;
using Microsoft.Extensions.Logging.Testing;
using Xunit.Abstractions;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary>Listing 2,000 addresses through 22% injected faults returns every record exactly once, in order.</summary>
public sealed class ChaosPagingTests(ITestOutputHelper output)
{
    private const int Total = 2000;

    [Theory]
    [InlineData(11)]
    [InlineData(23)]
    [InlineData(37)]
    [InlineData(41)]
    public async Task Every_address_exactly_once_in_order_through_faults(int seed)
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync(Chaos.Emulator(seed));
        var logs = new FakeLogCollector();
        using CustomerAddressesClient setup = Chaos.SetupClient(emulator);
        using CustomerAddressesClient client = Chaos.Client(emulator, logs);
        Customer customer = await setup.Customers.CreateAsync(new CreateCustomerRequest { Name = "Chaos", Email = $"chaos{seed}@example.com" });
        var created = new List<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Total), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            Address address = await setup.Addresses.CreateAsync(customer.Id, new CreateAddressRequest { Region = "R", City = "City " + i, Country = "US" }, ct);
            lock (created)
            {
                created.Add(address.Id.Value);
            }
        });
        created.Sort(StringComparer.Ordinal);
        long before = emulator.Statistics.Requests;

        Chaos.TurnOnFaults(emulator.Options);
        var listed = new List<string>();
        int pages = 0;
        await foreach (Page<Address> page in client.Addresses.ListAsync(customer.Id, new ListAddressesOptions { PerPage = 50, Order = SortOrder.Ascending }).AsPages())
        {
            pages++;
            listed.AddRange(page.Items.Select(a => a.Id.Value));
        }

        Assert.Equal(created, listed); // exactly the created ids, in order: no duplicate, no gap
        Assert.Equal(40, pages);
        List<EmulatedRequest> reads = emulator.Requests.Where(r => r.Method == "GET").ToList();
        int faults = reads.Count(r => r.Fault != EmulatorFault.None);
        Assert.True(faults > 0, "the suite must meet faults to prove anything");
        Assert.Equal(reads.Count, emulator.Statistics.Requests - before);
        Chaos.AssertNoSecretIn(Chaos.Texts(logs));
        output.WriteLine(
            $"seed {seed}: {Total} addresses in {pages} pages; {reads.Count} page requests, {faults} faults injected and survived " +
            $"({reads.Count(r => r.Fault == EmulatorFault.ServerError)} × 503, {reads.Count(r => r.Fault == EmulatorFault.RateLimited)} × 429, " +
            $"{reads.Count(r => r.Fault == EmulatorFault.Latency)} delayed past the attempt timeout, {reads.Count(r => r.Fault == EmulatorFault.Aborted)} cut mid-response)");
    }
}
