namespace CustomerAddresses.Client.Tests.Testing;

/// <summary>The test kit as a user meets it: code that depends on the client, tested with a fake and no HTTP.</summary>
public sealed class ModelFactoryTests
{
    /// <summary>Code a user might write: counts a customer's offices across every page.</summary>
    private sealed class OfficeCounter(AddressesClient addresses)
    {
        public async Task<int> CountAsync(CustomerId customer, CancellationToken cancellationToken = default)
        {
            int offices = 0;
            await foreach (Address address in addresses.ListAsync(customer, new ListAddressesOptions { Search = "Office" }, cancellationToken))
            {
                offices += address.Description?.StartsWith("Office", StringComparison.Ordinal) == true ? 1 : 0;
            }

            return offices;
        }
    }

    /// <summary>
    /// A fake built from the factory: what a user writes instead of standing up a server. It overrides only what the
    /// code under test calls, so methods added to the client later never break it.
    /// </summary>
    private sealed class FakeAddresses(IReadOnlyList<Page<Address>> pages) : AddressesClient
    {
        public ListAddressesOptions? LastOptions { get; private set; }

        public override AsyncPageable<Address> ListAsync(CustomerId customerId, ListAddressesOptions? options = null, CancellationToken cancellationToken = default)
        {
            LastOptions = options;
            return AsyncPageable<Address>.FromPages(pages);
        }
    }

    [Fact]
    public async Task User_code_is_tested_against_factory_pages_without_HTTP()
    {
        Customer customer = CustomerAddressesModelFactory.Customer(name: "Ada");
        IEnumerable<Address> addresses = Enumerable.Range(1, 25).Select(i =>
            CustomerAddressesModelFactory.Address(customerId: customer.Id, description: i % 5 == 0 ? $"Office {i}" : $"Home {i}"));
        var fake = new FakeAddresses(CustomerAddressesModelFactory.Pages(addresses, pageSize: 10));

        int offices = await new OfficeCounter(fake).CountAsync(customer.Id);

        Assert.Equal(5, offices);
        Assert.Equal("Office", fake.LastOptions?.Search);
    }

    [Fact]
    public void Pages_look_like_the_servers()
    {
        IReadOnlyList<Page<Address>> pages = CustomerAddressesModelFactory.Pages(Enumerable.Range(0, 25).Select(_ => CustomerAddressesModelFactory.Address()), pageSize: 10);

        Assert.Equal([10, 10, 5], pages.Select(p => p.Items.Count));
        Assert.Equal([true, true, false], pages.Select(p => p.HasMore));
        Assert.Equal(["page-2", "page-3", null], pages.Select(p => p.ContinuationToken));
        Assert.All(pages, p => Assert.Equal(25, p.EstimatedTotal));
        Assert.False(Assert.Single(CustomerAddressesModelFactory.Pages(Array.Empty<Address>())).HasMore);
    }

    [Fact]
    public void Generated_ids_are_valid_and_never_repeat()
    {
        Address[] addresses = Enumerable.Range(0, 100).Select(_ => CustomerAddressesModelFactory.Address()).ToArray();
        BillingAddress billing = CustomerAddressesModelFactory.BillingAddress();

        Assert.Equal(100, addresses.Select(a => a.Id).Distinct().Count());
        Assert.All(addresses, a => Assert.Equal(a.Id, AddressId.Parse(a.Id.Value)));
        Assert.All(addresses, a => Assert.Equal(a.CustomerId, CustomerId.Parse(a.CustomerId.Value)));
        Assert.Equal(billing.Id, BillingAddressId.Parse(billing.Id.Value));
        Assert.Equal(CountryCode.UnitedStates, addresses[0].Country);
        Assert.Equal(AddressStatus.Active, addresses[0].Status);
    }

    [Fact]
    public async Task Fake_listings_honour_cancellation()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await CustomerAddressesModelFactory.Pageable([CustomerAddressesModelFactory.Address()]).ToListAsync(cts.Token));
    }

    [Fact]
    public async Task A_fake_listing_resumes_from_its_pages_tokens()
    {
        AsyncPageable<Address> listing = CustomerAddressesModelFactory.Pageable(Enumerable.Range(0, 25).Select(_ => CustomerAddressesModelFactory.Address()), pageSize: 10);
        Page<Address> first = await listing.AsPages().FirstAsync();

        List<Page<Address>> rest = await listing.AsPages(first.ContinuationToken).ToListAsync();

        Assert.Equal([10, 5], rest.Select(p => p.Items.Count));
        Assert.Equal(25, await listing.CountAsync());
        Assert.Throws<ArgumentException>(() => listing.AsPages("not-a-token"));
    }

    [Fact]
    public async Task A_fake_that_skips_a_method_fails_clearly_when_that_method_is_called()
    {
        var fake = new FakeAddresses([]);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => fake.CreateAsync(CustomerAddressesModelFactory.Customer().Id, new CreateAddressRequest { Region = "R", City = "C", Country = "US" }));
        Assert.Contains("override", e.Message, StringComparison.Ordinal);
    }
}
