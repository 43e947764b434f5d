using System.Text.Json.Nodes;
using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.Addresses;

/// <summary>Get, update and archive an address in both dialects, against Paddle's own examples.</summary>
public sealed class PaddleAddressLifecycleContractTests : FakeApiTests
{
    private const string GetPath = "/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/addresses/add_01hv8gq3318ktkfengj2r75gfx";
    private const string UpdatePath = "/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/addresses/add_01hv8gwdfkw5z6d1yy6pa3xyrz";

    private AddressesClient Client(ApiDialect dialect = ApiDialect.PaddleBilling) =>
        TestClients.Create(new Uri(Api.Url), o =>
        {
            o.Dialect = dialect;
            o.ApiKey = FakeApi.ApiKey;
            o.Retry.MaxRetries = 0;
        }).Addresses;

    [Fact]
    public async Task Gets_an_address_and_reads_every_field()
    {
        Api.Reply("GET", GetPath, 200, Fixture.Text("paddle/openapi.addresses.get.200.json"));

        Address address = await Client().GetAsync(Ids.PaddleCustomer, AddressId.Parse("add_01hv8gq3318ktkfengj2r75gfx"));

        RequestAssert.IsJsonCall(Assert.Single(Api.Requests), "GET", GetPath, hasBody: false);
        Assert.Equal(("Head Office", "4050 Jefferson Plaza, 41st Floor", "New York", "10021", "NY"), (address.Description, address.FirstLine, address.City, address.PostalCode, address.Region));
        Assert.Equal(CountryCode.UnitedStates, address.Country);
        Assert.Equal(Ids.PaddleCustomer, address.CustomerId);
    }

    [Fact]
    public async Task Updates_with_Paddles_example_body_and_reads_its_answer()
    {
        Api.Reply("PATCH", UpdatePath, 200, Fixture.Text("paddle/openapi.addresses.update.200.json"));

        Address address = await Client().UpdateAsync(Ids.PaddleCustomer, AddressId.Parse("add_01hv8gwdfkw5z6d1yy6pa3xyrz"), new UpdateAddressRequest
        {
            Description = "California Office",
            FirstLine = "5400 E Washington Drive, Floor 2",
            City = "San Jose",
            Region = "CA",
            CustomData = new JsonObject { ["crm_id"] = "08bcfb7a-41d8-4747-9ade-3d885c287d0f" },
        });

        var entry = Assert.Single(Api.Requests);
        RequestAssert.IsJsonCall(entry, "PATCH", UpdatePath, hasBody: true);
        Fixture.AssertJsonEqual(Fixture.Json("paddle/openapi.addresses.request.update-address-standard.json"), entry.RequestMessage!.Body);
        Assert.Equal("California Office", address.Description);
        Assert.Equal("08bcfb7a-41d8-4747-9ade-3d885c287d0f", (string?)address.CustomData!["crm_id"]);
    }

    [Fact]
    public async Task Clears_and_sets_in_each_dialects_names()
    {
        Api.Reply("PATCH", UpdatePath, 200, Fixture.Text("paddle/openapi.addresses.update.200.json"));
        var request = new UpdateAddressRequest { Description = null, Country = "CA", Status = AddressStatus.Active };

        await Client().UpdateAsync(Ids.PaddleCustomer, AddressId.Parse("add_01hv8gwdfkw5z6d1yy6pa3xyrz"), request with { SecondLine = null });
        await Client(ApiDialect.CustomersApiV1).UpdateAsync(Ids.PaddleCustomer, AddressId.Parse("add_01hv8gwdfkw5z6d1yy6pa3xyrz"), request);

        Fixture.AssertJsonEqual(JsonNode.Parse("""{"description":null,"second_line":null,"country_code":"CA","status":"active"}"""), Api.Requests[0].RequestMessage!.Body);
        Fixture.AssertJsonEqual(JsonNode.Parse("""{"description":null,"country":"CA","status":"active"}"""), Api.Requests[1].RequestMessage!.Body);
    }

    [Fact]
    public async Task Archives_with_a_patch_of_the_status()
    {
        Api.Reply("PATCH", UpdatePath, 200, Fixture.Text("paddle/openapi.addresses.update.200.json"));

        await Client().ArchiveAsync(Ids.PaddleCustomer, AddressId.Parse("add_01hv8gwdfkw5z6d1yy6pa3xyrz"));

        Fixture.AssertJsonEqual(JsonNode.Parse("""{"status":"archived"}"""), Assert.Single(Api.Requests).RequestMessage!.Body);
    }

    [Theory]
    [InlineData("FirstLine")]
    [InlineData("PostalCode")]
    public async Task The_api_v1_dialect_refuses_Paddles_lines_even_to_clear_them(string member)
    {
        UpdateAddressRequest request = member == "FirstLine" ? new UpdateAddressRequest { FirstLine = null } : new UpdateAddressRequest { PostalCode = "1" };

        var e = await Assert.ThrowsAsync<ArgumentException>(() => Client(ApiDialect.CustomersApiV1).UpdateAsync(Ids.PaddleCustomer, AddressId.Parse("add_1"), request));

        Assert.Equal("request." + member, e.ParamName);
        Assert.Empty(Api.Requests);
    }
}
