using CustomerAddresses.Client.Testing;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>One emulator holding one customer with 1,000 addresses, created once for every listing test.</summary>
public sealed class ThousandAddresses : IAsyncLifetime
{
    public const int Count = 1000;

    public CustomerAddressesEmulator Emulator { get; private set; } = null!;

    public CustomerAddressesClient Client { get; private set; } = null!;

    public CustomerId CustomerId { get; private set; }

    /// <summary>The created ids, oldest first: the ascending order of the list.</summary>
    public IReadOnlyList<string> Ascending { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Emulator = await CustomerAddressesEmulator.StartAsync();
        Client = TestClients.Create(Emulator.BaseAddress, o => o.Dialect = ApiDialect.PaddleBilling);
        Customer customer = await Client.Customers.CreateAsync(new CreateCustomerRequest { Name = "Thousand", Email = "thousand@example.com" });
        CustomerId = customer.Id;

        var created = new List<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            Address address = await Client.Addresses.CreateAsync(CustomerId, new CreateAddressRequest
            {
                Region = "Region " + (i % 10),
                City = i % 100 == 0 ? "Hundredville" : "Town " + i,
                Country = i % 2 == 0 ? "US" : "DE",
                Description = $"Address {i}",
            }, ct);
            lock (created)
            {
                created.Add(address.Id.Value);
            }
        });
        created.Sort(StringComparer.Ordinal); // the emulator's ids grow with creation, like Paddle's
        Ascending = created;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
