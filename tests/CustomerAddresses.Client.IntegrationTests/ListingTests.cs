namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>Paging through 1,000 real addresses over HTTP: every page size and order gives exactly the created set, in order.</summary>
public sealed class ListingTests(ThousandAddresses data) : IClassFixture<ThousandAddresses>
{
    [Theory]
    [InlineData(1, "ASC")]
    [InlineData(1, "DESC")]
    [InlineData(7, "ASC")]
    [InlineData(7, "DESC")]
    [InlineData(50, "ASC")]
    [InlineData(50, "DESC")]
    [InlineData(200, "ASC")]
    [InlineData(200, "DESC")]
    public async Task Every_page_size_and_order_yields_exactly_the_created_addresses_in_order(int perPage, string order)
    {
        var options = new ListAddressesOptions { PerPage = perPage, Order = new SortOrder(order) };
        var ids = new List<string>();
        int pages = 0;

        await foreach (Page<Address> page in data.Client.Addresses.ListAsync(data.CustomerId, options).AsPages())
        {
            pages++;
            Assert.True(page.Items.Count <= perPage);
            Assert.Equal(ThousandAddresses.Count, page.EstimatedTotal);
            ids.AddRange(page.Items.Select(a => a.Id.Value));
        }

        IEnumerable<string> expected = order == "ASC" ? data.Ascending : data.Ascending.Reverse();
        Assert.Equal(expected, ids);
        Assert.Equal((int)Math.Ceiling(ThousandAddresses.Count / (double)perPage), pages);
    }

    [Fact]
    public async Task The_server_default_page_size_is_50_and_larger_requests_are_clamped_at_200()
    {
        Page<Address> defaultPage = await data.Client.Addresses.ListAsync(data.CustomerId).AsPages().FirstAsync();
        Page<Address> largest = await data.Client.Addresses.ListAsync(data.CustomerId, new ListAddressesOptions { PerPage = 200 }).AsPages().FirstAsync();

        Assert.Equal(50, defaultPage.Items.Count);
        Assert.Equal(200, largest.Items.Count);
        Assert.Equal(data.Ascending[^1], defaultPage.Items[0].Id.Value); // newest first by default
    }

    [Fact]
    public async Task Resuming_from_a_continuation_token_continues_exactly_where_the_first_listing_stopped()
    {
        var options = new ListAddressesOptions { PerPage = 7, Order = SortOrder.Ascending };
        var firstPart = new List<string>();
        string? cursor = null;
        await foreach (Page<Address> page in data.Client.Addresses.ListAsync(data.CustomerId, options).AsPages())
        {
            firstPart.AddRange(page.Items.Select(a => a.Id.Value));
            cursor = page.ContinuationToken;
            if (firstPart.Count >= 21)
            {
                break;
            }
        }

        List<Address> rest = await data.Client.Addresses.ListAsync(data.CustomerId, options).AsPages(cursor).SelectMany(p => p.Items.ToAsyncEnumerable()).ToListAsync();

        Assert.Equal(data.Ascending, firstPart.Concat(rest.Select(a => a.Id.Value)));
    }

    [Fact]
    public async Task Search_filters_across_pages()
    {
        List<Address> found = await data.Client.Addresses.ListAsync(data.CustomerId, new ListAddressesOptions { Search = "hundredville", PerPage = 3 }).ToListAsync();

        Assert.Equal(10, found.Count);
        Assert.All(found, a => Assert.Equal("Hundredville", a.City));
    }

    [Fact]
    public async Task Ids_and_statuses_filter_and_every_item_is_complete()
    {
        AddressId[] wanted = [AddressId.Parse(data.Ascending[3]), AddressId.Parse(data.Ascending[500]), AddressId.Parse(data.Ascending[999])];

        List<Address> found = await data.Client.Addresses.ListAsync(data.CustomerId, new ListAddressesOptions
        {
            Ids = wanted,
            Statuses = [AddressStatus.Active, AddressStatus.Archived],
            Order = SortOrder.Ascending,
        }).ToListAsync();
        List<Address> archived = await data.Client.Addresses.ListAsync(data.CustomerId, new ListAddressesOptions { Statuses = [AddressStatus.Archived] }).ToListAsync();

        Assert.Equal(wanted, found.Select(a => a.Id));
        Assert.All(found, a =>
        {
            Assert.Equal(data.CustomerId, a.CustomerId);
            Assert.Equal(AddressStatus.Active, a.Status);
            Assert.NotNull(a.Country);
            Assert.NotNull(a.CreatedAt);
        });
        Assert.Empty(archived);
    }
}
