using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.Addresses;

/// <summary>Seeds 002 (cursor envelope) and 001 (offset body): the documented responses replayed verbatim.</summary>
public sealed class ListAddressesContractTests : FakeApiTests
{
    [Fact]
    public async Task Reads_every_field_of_the_Paddle_list_and_stops_on_has_more_false_despite_next()
    {
        const string path = "/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/addresses";
        Api.Reply("GET", path, 200, Fixture.Text("002-list-addresses.response.json"));

        List<Page<Address>> pages = await Api.Client().Addresses.ListAsync(Ids.PaddleCustomer).AsPages().ToListAsync();

        var entry = Assert.Single(Api.Requests); // has_more:false ends it, although "next" is present
        RequestAssert.IsJsonCall(entry, "GET", path, hasBody: false);
        Page<Address> page = Assert.Single(pages);
        Assert.False(page.HasMore);
        Assert.Null(page.ContinuationToken);
        Assert.Equal(3, page.EstimatedTotal);
        Assert.Equal("d195779a-5cbe-41e1-8dbb-537057978d1b", page.RequestId);
        Assert.Equal(["add_01hv8h6jj90jjz0d71m6hj4r9z", "add_01hv8gwdfkw5z6d1yy6pa3xyrz", "add_01hv8gq3318ktkfengj2r75gfx"], page.Items.Select(a => a.Id.Value));

        Address first = page.Items[0];
        Assert.Equal(AddressStatus.Active, first.Status);
        Assert.Equal(Ids.PaddleCustomer, first.CustomerId);
        Assert.Equal("Sales Office", first.Description);
        Assert.Equal("8700 Edgemont Road", first.FirstLine);
        Assert.Null(first.SecondLine);
        Assert.Equal("Phoenix", first.City);
        Assert.Equal("85051", first.PostalCode);
        Assert.Equal("AZ", first.Region);
        Assert.Equal(CountryCode.UnitedStates, first.Country); // read from country_code
        Assert.Null(first.CustomData);
        Assert.Equal(new DateTimeOffset(2024, 4, 12, 6, 51, 26, 153, TimeSpan.Zero), first.CreatedAt);
        Assert.Equal("59f25141-28c3-4447-b77c-dae5677537f0", first.ImportMeta!.ExternalId);
        Assert.Equal("paddle_classic", first.ImportMeta.ImportedFrom);

        Address second = page.Items[1];
        Assert.Equal("5400 E Washington Drive, Floor 2", second.FirstLine);
        Assert.Equal("08bcfb7a-41d8-4747-9ade-3d885c287d0f", (string?)second.CustomData!["crm_id"]);
        Assert.Equal(new DateTimeOffset(2024, 4, 12, 6, 47, 1, TimeSpan.Zero).AddTicks(5330060), second.UpdatedAt); // six fractional digits
        Assert.Null(second.ImportMeta);

        Assert.Equal("Head Office", page.Items[2].Description);
    }

    [Fact]
    public async Task Reads_the_offset_list_fills_in_customer_ids_and_pages_on_with_limit_and_offset()
    {
        const string path = "/api/v1/customers/cus_01h1w8r7s2v4l5m6n7p8j9k0q2/addresses";
        Api.Reply("GET", path, 200, Fixture.Text("001-list-addresses-offset.response.json"));
        Api.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(path).WithParam("offset", "2").UsingGet()).AtPriority(1)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBody(ListBodies.Offset([], 2, 2)));

        List<Page<Address>> pages = await Api.Client("/api/v1/").Addresses.ListAsync(Ids.SeedCustomer).AsPages().ToListAsync();

        Assert.Equal(2, Api.Requests.Count); // a full page (2 of limit 2) asks once more; the empty one ends it
        Assert.Equal("2", RequestAssert.Query(Api.Requests[1], "limit"));
        Assert.Equal("2", RequestAssert.Query(Api.Requests[1], "offset"));
        Assert.NotNull(pages[0].ContinuationToken);
        Assert.True(pages[0].HasMore);
        Assert.False(pages[1].HasMore);

        Address kigali = pages[0].Items[0];
        Assert.Equal("add_01h1x0z5y4c1v2f5k6p3j9n8m7", kigali.Id.Value);
        Assert.Equal(Ids.SeedCustomer, kigali.CustomerId); // filled from the body's customer_id
        Assert.Equal("Home Address", kigali.Description);
        Assert.Equal("Kigali", kigali.Region);
        Assert.Equal("Kigali", kigali.City);
        Assert.Equal(CountryCode.Rwanda, kigali.Country);
        Assert.Equal("Office at Kigali Heights", (string?)kigali.CustomData!["landmark"]);
        Assert.Equal(new DateTimeOffset(2024, 8, 1, 10, 15, 30, TimeSpan.Zero), kigali.CreatedAt);

        Address office = pages[0].Items[1];
        Assert.Equal("add_01h2y1z6b5d7e8f9g0h1i2j3k4", office.Id.Value);
        Assert.Equal("New York City", office.City);
        Assert.Equal("15th", (string?)office.CustomData!["floor"]);
        Assert.Equal(new DateTimeOffset(2024, 8, 20, 11, 30, 45, TimeSpan.Zero), office.UpdatedAt);
    }
}
