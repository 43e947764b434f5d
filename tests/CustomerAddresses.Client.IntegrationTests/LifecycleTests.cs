using System.Text.Json.Nodes;
using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Testing;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>The whole customer and address lifecycle against the emulator, in each dialect the SDK speaks.</summary>
public sealed class LifecycleTests
{
    public static TheoryData<ApiDialect> Dialects => [ApiDialect.PaddleBilling, ApiDialect.CustomersApiV1];

    private static CustomerAddressesClient ClientFor(CustomerAddressesEmulator emulator, ApiDialect dialect) =>
        dialect == ApiDialect.PaddleBilling
            ? TestClients.Create(emulator.BaseAddress, o => o.Dialect = ApiDialect.PaddleBilling)
            : TestClients.Create(emulator.ApiV1BaseAddress); // loopback: the /api/v1 dialect by default

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Create_find_get_update_clear_and_archive(ApiDialect dialect)
    {
        await using CustomerAddressesEmulator emulator = await CustomerAddressesEmulator.StartAsync();
        using CustomerAddressesClient client = ClientFor(emulator, dialect);
        bool paddle = dialect == ApiDialect.PaddleBilling;

        Customer created = await client.Customers.CreateAsync(paddle
            ? new CreateCustomerRequest { Email = "jo@example.com", CustomData = new JsonObject { ["tier"] = "gold" } }
            : new CreateCustomerRequest { Name = "Jo", Email = "jo@example.com", CustomData = new JsonObject { ["tier"] = "gold" } });
        Customer found = Assert.Single(await client.Customers.ListAsync(new ListCustomersOptions { Emails = ["JO@example.com"] }).ToListAsync());
        Customer renamed = await client.Customers.UpdateAsync(created.Id, new UpdateCustomerRequest { Name = "Jo Brown", CustomData = null });
        Customer fetched = await client.Customers.GetAsync(created.Id);

        Assert.StartsWith(paddle ? "ctm_" : "cus_", created.Id.Value, StringComparison.Ordinal);
        Assert.Equal(created.Id, found.Id);
        Assert.Equal("Jo Brown", renamed.Name);
        Assert.Null(fetched.CustomData); // cleared
        Assert.Equal("jo@example.com", fetched.Email); // left as it was

        Address address = await client.Addresses.CreateAsync(created.Id, paddle
            ? new CreateAddressRequest { Country = "AG" }
            : new CreateAddressRequest { Region = "CA", City = "San Francisco", Country = "US", Description = "Home" });
        Address moved = await client.Addresses.UpdateAsync(created.Id, address.Id, new UpdateAddressRequest { City = "Oakland", Description = null, Country = "US" });
        Address got = await client.Addresses.GetAsync(created.Id, address.Id);
        Address archivedAddress = await client.Addresses.ArchiveAsync(created.Id, address.Id);

        Assert.Equal(("Oakland", null), (moved.City, moved.Description));
        Assert.Equal(CountryCode.UnitedStates, got.Country);
        Assert.Equal(AddressStatus.Archived, archivedAddress.Status);
        Assert.Empty(await client.Addresses.ListAsync(created.Id).ToListAsync());
        Assert.Single(await client.Addresses.ListAsync(created.Id, new ListAddressesOptions { Statuses = [AddressStatus.Archived] }).ToListAsync());

        Customer archived = await client.Customers.ArchiveAsync(created.Id);
        Assert.Equal(CustomerStatus.Archived, archived.Status);
        Assert.Empty(await client.Customers.ListAsync().ToListAsync());
        Assert.Single(await client.Customers.ListAsync(new ListCustomersOptions { Statuses = [CustomerStatus.Archived] }).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Customers_page_through_the_one_pager_in_each_shape(ApiDialect dialect)
    {
        await using CustomerAddressesEmulator emulator = await CustomerAddressesEmulator.StartAsync();
        using CustomerAddressesClient client = ClientFor(emulator, dialect);
        var created = new List<CustomerId>();
        for (int i = 0; i < 7; i++)
        {
            created.Add((await client.Customers.CreateAsync(new CreateCustomerRequest { Name = $"C{i}", Email = $"c{i}@example.com" })).Id);
        }

        List<Page<Customer>> pages = await client.Customers.ListAsync(new ListCustomersOptions { PerPage = 3, Order = SortOrder.Ascending }).AsPages().ToListAsync();
        List<Page<Customer>> resumed = await client.Customers.ListAsync(new ListCustomersOptions { PerPage = 3, Order = SortOrder.Ascending }).AsPages(pages[0].ContinuationToken).ToListAsync();

        Assert.Equal(created, pages.SelectMany(p => p.Items).Select(c => c.Id));
        Assert.Equal(created.Skip(3), resumed.SelectMany(p => p.Items).Select(c => c.Id));
    }

    [Fact]
    public async Task A_duplicate_email_hands_over_the_existing_customer_in_a_find_or_create()
    {
        await using CustomerAddressesEmulator emulator = await CustomerAddressesEmulator.StartAsync();
        using CustomerAddressesClient client = ClientFor(emulator, ApiDialect.PaddleBilling);
        Customer first = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "sam@example.com" });

        var e = await Assert.ThrowsAsync<ConflictException>(() => client.Customers.CreateAsync(new CreateCustomerRequest { Email = "sam@example.com" }));

        Assert.Equal(first.Id, e.ExistingCustomerId);
        Assert.Equal(PaddleErrorCodes.CustomerAlreadyExists, e.ErrorCode);
    }
}
