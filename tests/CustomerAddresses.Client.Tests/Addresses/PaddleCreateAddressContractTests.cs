using System.Text.Json.Nodes;
using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.Addresses;

/// <summary><c>POST /customers/{customer_id}/addresses</c> under the Paddle Billing dialect, against Paddle's own examples.</summary>
public sealed class PaddleCreateAddressContractTests : FakeApiTests
{
    private const string Path = "/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/addresses";

    private AddressesClient Client() =>
        TestClients.Create(new Uri(Api.Url), o =>
        {
            o.Dialect = ApiDialect.PaddleBilling;
            o.ApiKey = FakeApi.ApiKey;
            o.Retry.MaxRetries = 0;
        }).Addresses;

    [Fact]
    public async Task Sends_Paddles_example_request_with_country_code_and_reads_every_field_of_its_response()
    {
        Api.Reply("POST", Path, 201, Fixture.Text("paddle/openapi.addresses.create.201.json"));

        Address address = await Client().CreateAsync(Ids.PaddleCustomer, new CreateAddressRequest
        {
            Description = "Head Office",
            FirstLine = "4050 Jefferson Plaza, 41st Floor",
            City = "New York",
            PostalCode = "10021",
            Region = "NY",
            Country = CountryCode.UnitedStates,
        });

        var entry = Assert.Single(Api.Requests);
        RequestAssert.IsJsonCall(entry, "POST", Path, hasBody: true);
        Assert.Equal("1", RequestAssert.Header(entry, "Paddle-Version"));
        Fixture.AssertJsonEqual(Fixture.Json("paddle/openapi.addresses.request.create-address-standard.json"), entry.RequestMessage!.Body);

        Assert.Equal(AddressId.Parse("add_01hv8gq3318ktkfengj2r75gfx"), address.Id);
        Assert.Equal(AddressStatus.Active, address.Status);
        Assert.Equal(Ids.PaddleCustomer, address.CustomerId);
        Assert.Equal("Head Office", address.Description);
        Assert.Equal("4050 Jefferson Plaza, 41st Floor", address.FirstLine);
        Assert.Null(address.SecondLine);
        Assert.Equal(("New York", "10021", "NY"), (address.City, address.PostalCode, address.Region));
        Assert.Equal(CountryCode.UnitedStates, address.Country);
        Assert.Null(address.CustomData);
        Assert.Equal(new DateTimeOffset(2024, 4, 12, 6, 42, 58, 785, TimeSpan.Zero), address.CreatedAt);
        Assert.Equal(address.CreatedAt, address.UpdatedAt);
        Assert.Null(address.ImportMeta);
    }

    [Fact]
    public async Task The_minimal_body_is_the_country_code_alone()
    {
        Api.Reply("POST", Path, 201, Fixture.Text("paddle/openapi.addresses.create.201.json"));

        await Client().CreateAsync(Ids.PaddleCustomer, new CreateAddressRequest { Country = "AG" });

        Fixture.AssertJsonEqual(JsonNode.Parse("""{"country_code":"AG"}"""), Assert.Single(Api.Requests).RequestMessage!.Body);
    }

    [Fact]
    public async Task Paddles_limits_and_the_country_are_still_checked_before_sending()
    {
        Assert.Equal("request.Country", (await Assert.ThrowsAsync<ArgumentException>(() => Client().CreateAsync(Ids.PaddleCustomer, new CreateAddressRequest { Country = "USA" }))).ParamName);
        Assert.Equal("request.City", (await Assert.ThrowsAsync<ArgumentException>(() => Client().CreateAsync(Ids.PaddleCustomer, new CreateAddressRequest { Country = "US", City = new string('c', 201) }))).ParamName);
        Assert.Empty(Api.Requests);
    }
}
