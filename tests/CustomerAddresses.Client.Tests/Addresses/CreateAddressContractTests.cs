using System.Text.Json.Nodes;
using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.Addresses;

/// <summary>Seed 000: <c>POST /api/v1/customers/{customer_id}/addresses</c>, replayed verbatim.</summary>
public sealed class CreateAddressContractTests : FakeApiTests
{
    private const string Path = "/customers/cus_01h1w8r7s2v4l5m6n7p8j9k0q2/addresses";
    private static CreateAddressRequest SeedRequest() => new()
    {
        Region = "California",
        City = "San Francisco",
        Country = CountryCode.UnitedStates,
        Description = "Home Address",
        CustomData = new JsonObject { ["landmark"] = "Near Golden Gate Park" },
    };

    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/")]
    public async Task Sends_exactly_the_documented_request(string basePath)
    {
        string path = basePath.TrimEnd('/') + Path;
        Api.Reply("POST", path, 201, Fixture.Text("000-create-address.response.json"));

        await Api.Client(basePath).Addresses.CreateAsync(Ids.SeedCustomer, SeedRequest());

        var entry = Assert.Single(Api.Requests);
        RequestAssert.IsJsonCall(entry, "POST", path, hasBody: true);
        Fixture.AssertJsonEqual(Fixture.Json("000-create-address.request.json"), entry.RequestMessage!.Body);
    }

    [Fact]
    public async Task Reads_every_field_of_the_documented_response()
    {
        Api.Reply("POST", Path, 201, Fixture.Text("000-create-address.response.json"));

        Address address = await Api.Client().Addresses.CreateAsync(Ids.SeedCustomer, SeedRequest());

        Assert.Equal(AddressId.Parse("add_01h1x0z5y4c1v2f5k6p3j9n8m7"), address.Id);
        Assert.Equal(Ids.SeedCustomer, address.CustomerId);
        Assert.Equal("Home Address", address.Description);
        Assert.Equal("California", address.Region);
        Assert.Equal("San Francisco", address.City);
        Assert.Equal(CountryCode.UnitedStates, address.Country);
        Assert.Equal("Near Golden Gate Park", (string?)address.CustomData!["landmark"]);
        Assert.Equal(new DateTimeOffset(2024, 8, 1, 10, 15, 30, TimeSpan.Zero), address.CreatedAt);
        Assert.Equal(new DateTimeOffset(2024, 8, 29, 14, 45, 22, TimeSpan.Zero), address.UpdatedAt);
        Assert.Null(address.Status);
        Assert.Null(address.FirstLine);
    }

    [Fact]
    public async Task Fills_in_the_customer_id_when_the_server_leaves_it_out()
    {
        JsonNode body = Fixture.Json("000-create-address.response.json");
        body.AsObject().Remove("customer_id");
        Api.Reply("POST", Path, 201, body.ToJsonString());

        Address address = await Api.Client().Addresses.CreateAsync(Ids.SeedCustomer, SeedRequest());

        Assert.Equal(Ids.SeedCustomer, address.CustomerId);
    }

    [Theory]
    [InlineData("FirstLine")]
    [InlineData("SecondLine")]
    [InlineData("PostalCode")]
    public async Task Refuses_the_members_the_api_v1_API_does_not_define(string member)
    {
        CreateAddressRequest request = member switch
        {
            "FirstLine" => SeedRequest() with { FirstLine = "1 Main St" },
            "SecondLine" => SeedRequest() with { SecondLine = "Apt 2" },
            _ => SeedRequest() with { PostalCode = "94103" },
        };

        var e = await Assert.ThrowsAsync<ArgumentException>(() => Api.Client().Addresses.CreateAsync(Ids.SeedCustomer, request));

        Assert.Equal("request." + member, e.ParamName);
        Assert.Contains("/api/v1", e.Message, StringComparison.Ordinal);
        Assert.Empty(Api.Requests);
    }

    public static TheoryData<CreateAddressRequest, string> InvalidRequests => new()
    {
        { SeedRequest() with { Region = "" }, "request.Region" },
        { SeedRequest() with { City = " " }, "request.City" },
        { SeedRequest() with { City = new string('x', 201) }, "request.City" },
        { SeedRequest() with { Region = new string('x', 201) }, "request.Region" },
        { SeedRequest() with { Country = "USA" }, "request.Country" },
        { SeedRequest() with { Country = "us" }, "request.Country" },
        { SeedRequest() with { Country = default }, "request.Country" },
        { SeedRequest() with { Description = new string('x', 1025) }, "request.Description" },
        { SeedRequest() with { FirstLine = new string('x', 1025) }, "request.FirstLine" },
        { SeedRequest() with { SecondLine = new string('x', 1025) }, "request.SecondLine" },
        { SeedRequest() with { PostalCode = new string('x', 201) }, "request.PostalCode" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Refuses_invalid_fields_before_sending(CreateAddressRequest request, string param)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Api.Client().Addresses.CreateAsync(Ids.SeedCustomer, request));

        Assert.Equal(param, error.ParamName);
        Assert.Empty(Api.Requests);
    }

    [Fact]
    public async Task Accepts_the_longest_allowed_fields()
    {
        Api.Reply("POST", Path, 201, Fixture.Text("000-create-address.response.json"));
        CreateAddressRequest longest = SeedRequest() with { City = new string('c', 200), Description = new string('d', 1024) };

        await Api.Client().Addresses.CreateAsync(Ids.SeedCustomer, longest);

        Assert.Single(Api.Requests);
    }

    [Fact]
    public async Task Refuses_a_default_customer_id_before_sending()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Api.Client().Addresses.CreateAsync(default, SeedRequest()));

        Assert.Equal("customerId", error.ParamName);
        Assert.Empty(Api.Requests);
    }
}
