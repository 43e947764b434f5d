using CustomerAddresses.Client.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CustomerAddresses.Client.Tests.Addresses;

/// <summary>Lazy paging through both shapes: when to stop, what to follow, what to send, and when to refuse.</summary>
public sealed class AddressPagingTests : FakeApiTests
{
    private const string Path = "/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/addresses";
    private void Page(WireMockServer server, string? after, string body, int priority)
    {
        IRequestBuilder request = Request.Create().WithPath(Path).UsingGet();
        if (after is not null)
        {
            request = request.WithParam("after", after);
        }

        server.Given(request).AtPriority(priority)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
    }

    [Fact]
    public async Task Follows_a_same_origin_next_link_verbatim_over_three_pages()
    {
        string Next(int after) => $"{Api.Url}{Path}?after={ListBodies.AddressId(after)}&per_page=2&marker=from-next";
        Page(Api.Server, null, ListBodies.Cursor([1, 2], true, Next(2), total: 5), 100);
        Page(Api.Server, ListBodies.AddressId(2), ListBodies.Cursor([3, 4], true, Next(4)), 1);
        Page(Api.Server, ListBodies.AddressId(4), ListBodies.Cursor([5], false, Next(5)), 1);

        List<Address> all = await Api.Client().Addresses.ListAsync(Ids.PaddleCustomer, new ListAddressesOptions { PerPage = 2 }).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 5).Select(ListBodies.AddressId), all.Select(a => a.Id.Value));
        Assert.Equal(3, Api.Requests.Count); // the last page's next is not followed
        Assert.Null(RequestAssert.Query(Api.Requests[0], "marker"));
        Assert.Equal("from-next", RequestAssert.Query(Api.Requests[1], "marker"));
        Assert.Equal("Bearer " + FakeApi.ApiKey, RequestAssert.Header(Api.Requests[2], "Authorization"));
    }

    [Fact]
    public async Task Never_follows_a_next_link_to_another_origin_and_never_sends_it_credentials()
    {
        using var evil = WireMockServer.Start();
        string Next(int after) => $"{evil.Url}{Path}?after={ListBodies.AddressId(after)}";
        Page(Api.Server, null, ListBodies.Cursor([1, 2], true, Next(2)), 100);
        Page(Api.Server, ListBodies.AddressId(2), ListBodies.Cursor([3, 4], true, Next(4)), 1);
        Page(Api.Server, ListBodies.AddressId(4), ListBodies.Cursor([5], false, Next(5)), 1);
        var client = Api.Client(sessionToken: FakeApi.SessionToken);

        List<Address> all = await client.Addresses.ListAsync(Ids.PaddleCustomer, new ListAddressesOptions { PerPage = 2, Search = "main" }).ToListAsync();

        Assert.Equal(5, all.Count);
        Assert.Empty(evil.LogEntries);
        Assert.Equal(3, Api.Requests.Count);
        Assert.All(Api.Requests.Skip(1), r =>
        {
            Assert.Equal("2", RequestAssert.Query(r, "per_page")); // the caller's query is rebuilt around the cursor
            Assert.Equal("main", RequestAssert.Query(r, "search"));
        });
    }

    [Fact]
    public async Task Uses_the_last_item_id_when_the_server_gives_no_next_link()
    {
        Page(Api.Server, null, ListBodies.Cursor([1, 2], true, null), 100);
        Page(Api.Server, ListBodies.AddressId(2), ListBodies.Cursor([3], false, null), 1);

        List<Page<Address>> pages = await Api.Client().Addresses.ListAsync(Ids.PaddleCustomer).AsPages().ToListAsync();

        Assert.NotNull(pages[0].ContinuationToken);
        Assert.Equal(ListBodies.AddressId(2), RequestAssert.Query(Api.Requests[1], "after"));
        Assert.Equal([2, 1], pages.Select(p => p.Items.Count));
    }

    [Fact]
    public async Task Sends_page_size_order_statuses_search_and_ids_in_the_query()
    {
        Page(Api.Server, null, ListBodies.Cursor([1], false, null), 100);
        var options = new ListAddressesOptions
        {
            PerPage = 200,
            Order = SortOrder.Ascending,
            Statuses = [AddressStatus.Active, AddressStatus.Archived],
            Search = "Ditmars Blvd",
            Ids = [AddressId.Parse("add_01gm302t81w94gyjpjpqypkzkf"), AddressId.Parse("add_01hv8gq3318ktkfengj2r75gfx")],
        };

        await Api.Client().Addresses.ListAsync(Ids.PaddleCustomer, options).ToListAsync();

        var entry = Assert.Single(Api.Requests);
        Assert.Equal("200", RequestAssert.Query(entry, "per_page"));
        Assert.Equal("id[ASC]", RequestAssert.Query(entry, "order_by"));
        Assert.Equal("active,archived", RequestAssert.Query(entry, "status"));
        Assert.Equal("Ditmars Blvd", RequestAssert.Query(entry, "search"));
        Assert.Equal("add_01gm302t81w94gyjpjpqypkzkf,add_01hv8gq3318ktkfengj2r75gfx", RequestAssert.Query(entry, "id"));
        Assert.Null(RequestAssert.Query(entry, "after"));
        Assert.Null(RequestAssert.Query(entry, "limit"));
    }

    [Fact]
    public async Task Resumes_from_a_continuation_token_in_a_new_enumeration()
    {
        Page(Api.Server, null, ListBodies.Cursor([1, 2], true, null), 100);
        Page(Api.Server, ListBodies.AddressId(2), ListBodies.Cursor([3], false, null), 1);
        var addresses = Api.Client().Addresses;

        Page<Address> first = await addresses.ListAsync(Ids.PaddleCustomer).AsPages().FirstAsync();
        List<Address> rest = (await addresses.ListAsync(Ids.PaddleCustomer).AsPages(first.ContinuationToken).ToListAsync()).SelectMany(p => p.Items).ToList();

        Assert.Equal([ListBodies.AddressId(3)], rest.Select(a => a.Id.Value));
        Assert.Equal(ListBodies.AddressId(2), RequestAssert.Query(Api.Requests[^1], "after"));
    }

    [Fact]
    public async Task Fetches_pages_lazily_and_stops_when_the_caller_stops()
    {
        Page(Api.Server, null, ListBodies.Cursor([1, 2], true, null), 100);
        Page(Api.Server, ListBodies.AddressId(2), ListBodies.Cursor([3, 4], true, null), 1);

        Address firstOnly = await Api.Client().Addresses.ListAsync(Ids.PaddleCustomer).FirstAsync();

        Assert.Equal(ListBodies.AddressId(1), firstOnly.Id.Value);
        Assert.Single(Api.Requests);
    }

    [Fact]
    public async Task Cancellation_between_pages_stops_further_requests()
    {
        Page(Api.Server, null, ListBodies.Cursor([1, 2], true, null), 100);
        Page(Api.Server, ListBodies.AddressId(2), ListBodies.Cursor([3, 4], true, null), 1);
        using var cts = new CancellationTokenSource();
        var seen = new List<string>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (Address address in Api.Client().Addresses.ListAsync(Ids.PaddleCustomer, cancellationToken: cts.Token))
            {
                seen.Add(address.Id.Value);
                if (seen.Count == 2)
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.Equal(2, seen.Count);
        Assert.Single(Api.Requests);
    }

    [Fact]
    public async Task Cancellation_during_a_slow_page_request_ends_the_call()
    {
        Api.Server.Given(Request.Create().WithPath(Path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(ListBodies.Cursor([1], false, null)).WithDelay(TimeSpan.FromSeconds(1.5)));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await Api.Client().Addresses.ListAsync(Ids.PaddleCustomer).ToListAsync(cts.Token));
    }

    [Fact]
    public async Task Pages_an_offset_server_over_three_pages_with_its_limit()
    {
        const string offsetPath = "/customers/cus_01h1w8r7s2v4l5m6n7p8j9k0q2/addresses";
        void OffsetPage(int? offset, string body, int priority)
        {
            IRequestBuilder request = Request.Create().WithPath(offsetPath).UsingGet();
            request = offset is null ? request : request.WithParam("offset", offset.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Api.Server.Given(request).AtPriority(priority).RespondWith(Response.Create().WithStatusCode(200).WithBody(body));
        }

        OffsetPage(null, ListBodies.Offset([1, 2, 3], 3, 0), 100);
        OffsetPage(3, ListBodies.Offset([4, 5, 6], 3, 3), 1);
        OffsetPage(6, ListBodies.Offset([7], 3, 6), 1);

        List<Address> all = await Api.Client().Addresses.ListAsync(Ids.SeedCustomer, new ListAddressesOptions { Search = "x" }).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 7).Select(ListBodies.AddressId), all.Select(a => a.Id.Value));
        Assert.All(all, a => Assert.Equal(Ids.SeedCustomer, a.CustomerId));
        Assert.Equal(3, Api.Requests.Count);
        Assert.Equal("3", RequestAssert.Query(Api.Requests[2], "limit"));
        Assert.Equal("6", RequestAssert.Query(Api.Requests[2], "offset"));
        Assert.Equal("x", RequestAssert.Query(Api.Requests[2], "search"));
    }

    [Fact]
    public async Task Resumes_an_offset_listing_from_its_continuation_token()
    {
        const string offsetPath = "/customers/cus_01h1w8r7s2v4l5m6n7p8j9k0q2/addresses";
        Api.Server.Given(Request.Create().WithPath(offsetPath).UsingGet()).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(ListBodies.Offset(Enumerable.Range(21, 20), 20, 20)));
        Api.Server.Given(Request.Create().WithPath(offsetPath).WithParam("offset", "40").UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(ListBodies.Offset([41], 20, 40)));
        AsyncPageable<Address> listing = Api.Client().Addresses.ListAsync(Ids.SeedCustomer, new ListAddressesOptions { PerPage = 20 });
        string? token = (await listing.AsPages().FirstAsync()).ContinuationToken;

        List<Page<Address>> rest = await listing.AsPages(token).ToListAsync();

        Assert.Single(Assert.Single(rest).Items);
        var entry = Api.Requests[^1];
        Assert.Equal("40", RequestAssert.Query(entry, "offset"));
        Assert.Equal("20", RequestAssert.Query(entry, "limit"));
        Assert.Null(RequestAssert.Query(entry, "after"));
    }

    [Fact]
    public async Task An_empty_page_that_promises_more_ends_with_a_clear_error_instead_of_looping()
    {
        Page(Api.Server, null, ListBodies.Cursor([], true, null), 100);

        var error = await Assert.ThrowsAsync<UnexpectedResponseException>(
            async () => await Api.Client().Addresses.ListAsync(Ids.PaddleCustomer).ToListAsync());

        Assert.Contains("has_more", error.Message, StringComparison.Ordinal);
        Assert.Single(Api.Requests);
    }

    [Theory]
    [InlineData("""{"data":[null],"meta":{"pagination":{"has_more":false}}}""")]
    [InlineData("""{"customer_id":"cus_1","addresses":[null],"limit":2,"offset":0}""")]
    public async Task A_null_item_in_a_list_is_an_unexpected_response(string body)
    {
        Page(Api.Server, null, body, 100);

        var error = await Assert.ThrowsAsync<UnexpectedResponseException>(
            async () => await Api.Client().Addresses.ListAsync(Ids.PaddleCustomer).ToListAsync());

        Assert.Contains("null item", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeating_cursor_ends_with_a_clear_error_instead_of_looping()
    {
        Page(Api.Server, null, ListBodies.Cursor([1, 2], true, null), 100);
        Page(Api.Server, ListBodies.AddressId(2), ListBodies.Cursor([1, 2], true, null), 1);

        var error = await Assert.ThrowsAsync<UnexpectedResponseException>(
            async () => await Api.Client().Addresses.ListAsync(Ids.PaddleCustomer).ToListAsync());

        Assert.Contains("second time", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, Api.Requests.Count);
    }

    [Fact]
    public async Task An_offset_server_that_ignores_offset_ends_with_a_clear_error()
    {
        const string offsetPath = "/customers/cus_01h1w8r7s2v4l5m6n7p8j9k0q2/addresses";
        Api.Server.Given(Request.Create().WithPath(offsetPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(ListBodies.Offset([1, 2], 2, 0)));

        await Assert.ThrowsAsync<UnexpectedResponseException>(
            async () => await Api.Client().Addresses.ListAsync(Ids.SeedCustomer).ToListAsync());

        Assert.Equal(2, Api.Requests.Count);
    }

    public static TheoryData<ListAddressesOptions, string> InvalidOptions => new()
    {
        { new ListAddressesOptions { PerPage = 0 }, "options.PerPage" },
        { new ListAddressesOptions { PerPage = 201 }, "options.PerPage" },
        { new ListAddressesOptions { Search = new string('s', 101) }, "options.Search" },
        { new ListAddressesOptions { Search = "" }, "options.Search" },
        { new ListAddressesOptions { Statuses = [] }, "options.Statuses" },
        { new ListAddressesOptions { Ids = [] }, "options.Ids" },
        { new ListAddressesOptions { Ids = [default] }, "options.Ids" },
        { new ListAddressesOptions { After = "" }, "options.After" },
        { new ListAddressesOptions { After = "add 1" }, "options.After" },
        { new ListAddressesOptions { After = new string('a', 1025) }, "options.After" },
        { new ListAddressesOptions { Order = new SortOrder("id]&x=[") }, "options.Order" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Refuses_invalid_options_at_the_call_before_any_request(ListAddressesOptions options, string param)
    {
        var addresses = Api.Client().Addresses;

        var onItems = Assert.ThrowsAny<ArgumentException>(() => addresses.ListAsync(Ids.PaddleCustomer, options));
        var onPages = Assert.ThrowsAny<ArgumentException>(() => addresses.ListAsync(Ids.PaddleCustomer, options).AsPages());

        Assert.Equal(param, onItems.ParamName);
        Assert.Equal(param, onPages.ParamName);
        Assert.Empty(Api.Requests);
    }

    [Fact]
    public async Task Accepts_the_page_size_and_search_limits()
    {
        Page(Api.Server, null, ListBodies.Cursor([1], false, null), 100);

        await Api.Client().Addresses.ListAsync(Ids.PaddleCustomer, new ListAddressesOptions { PerPage = 1, Search = new string('s', 100) }).ToListAsync();

        Assert.Equal("1", RequestAssert.Query(Assert.Single(Api.Requests), "per_page"));
    }

    [Theory]
    [InlineData("offset:40")]
    [InlineData("add_01hv8gq3318ktkfengj2r75gfx")]
    [InlineData("")]
    [InlineData("bzE=")]
    [InlineData("not+base64/url")]
    public void Refuses_a_continuation_token_it_did_not_issue_before_any_request(string token)
    {
        AsyncPageable<Address> listing = Api.Client().Addresses.ListAsync(Ids.PaddleCustomer);

        Assert.Equal("continuationToken", Assert.ThrowsAny<ArgumentException>(() => listing.AsPages(token)).ParamName);
        Assert.Empty(Api.Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public void Refuses_a_page_size_hint_out_of_range(int hint)
    {
        AsyncPageable<Address> listing = Api.Client().Addresses.ListAsync(Ids.PaddleCustomer);

        Assert.Equal("pageSizeHint", Assert.ThrowsAny<ArgumentException>(() => listing.AsPages(pageSizeHint: hint)).ParamName);
    }

    [Fact]
    public async Task A_page_size_hint_replaces_the_options_page_size()
    {
        Page(Api.Server, null, ListBodies.Cursor([1], false, null), 100);

        await Api.Client().Addresses.ListAsync(Ids.PaddleCustomer, new ListAddressesOptions { PerPage = 10 }).AsPages(pageSizeHint: 25).ToListAsync();

        Assert.Equal("25", RequestAssert.Query(Assert.Single(Api.Requests), "per_page"));
    }
}
