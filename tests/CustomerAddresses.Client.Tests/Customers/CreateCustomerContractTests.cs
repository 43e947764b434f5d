using System.Text.Json.Nodes;
using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.Customers;

/// <summary>Seed 003: <c>POST /api/v1/customers</c>, request and response examples replayed verbatim.</summary>
public sealed class CreateCustomerContractTests : FakeApiTests
{
    /// <summary>The seed's request, but with the country as its own text demands (alpha-2), not "Tanzania".</summary>
    private static CreateCustomerRequest SeedRequest() => new()
    {
        Name = "Brighton Mboya",
        Email = "brighton@jani.com",
        Phone = "+2557881234567",
        Address = new CustomerPostalAddress { City = "Dar es Salaam", Country = "TZ" },
        PaymentMethod = "card_01h3vjs3b16yc3f9q8q9pfrb79",
        Status = CustomerStatus.Active,
        CustomData = new JsonObject { ["loyalty_program"] = "Gold" },
    };

    [Theory]
    [InlineData("/", "/customers")]
    [InlineData("/api/v1/", "/api/v1/customers")]
    [InlineData("/api/v1", "/api/v1/customers")]
    public async Task Sends_the_documented_request_under_any_base_path(string basePath, string expectedPath)
    {
        Api.Reply("POST", expectedPath, 201, Fixture.Text("003-create-customer.response.json"));

        await Api.Client(basePath).Customers.CreateAsync(SeedRequest());

        var entry = Assert.Single(Api.Requests);
        RequestAssert.IsJsonCall(entry, "POST", expectedPath, hasBody: true);
        JsonNode expected = Fixture.Json("003-create-customer.request.json");
        expected["address"]!["country"] = "TZ";
        Fixture.AssertJsonEqual(expected, entry.RequestMessage!.Body);
    }

    [Fact]
    public async Task Reads_every_field_of_the_documented_response()
    {
        Api.Reply("POST", "/api/v1/customers", 201, Fixture.Text("003-create-customer.response.json"));

        Customer customer = await Api.Client("/api/v1/").Customers.CreateAsync(SeedRequest());

        Assert.Equal(CustomerId.Parse("cus_01h3vjs3b16yc3f9q8q9pfrb80"), customer.Id);
        Assert.Equal("Brighton Mboya", customer.Name);
        Assert.Equal("brighton@jani.com", customer.Email);
        Assert.Equal("+2557881234567", customer.Phone);
        Assert.Equal("Dar es Salaam", customer.Address!.City);
        Assert.Equal("Tanzania", customer.Address.Country!.Value.Value); // responses are read without complaint
        Assert.Equal("card_01h3vjs3b16yc3f9q8q9pfrb79", customer.PaymentMethod);
        Assert.Equal(CustomerStatus.Active, customer.Status);
        Assert.Equal("Gold", (string?)customer.CustomData!["loyalty_program"]);
        Assert.Equal(new DateTimeOffset(2024, 9, 1, 15, 0, 0, TimeSpan.Zero), customer.CreatedAt);
        Assert.Equal(new DateTimeOffset(2024, 9, 1, 15, 0, 0, TimeSpan.Zero), customer.UpdatedAt);
        Assert.Null(customer.ImportMeta);
    }

    [Fact]
    public async Task Leaves_out_every_optional_member_the_caller_did_not_set()
    {
        Api.Reply("POST", "/customers", 200, Fixture.Text("003-create-customer.response.json"));

        await Api.Client().Customers.CreateAsync(new CreateCustomerRequest { Name = "Ann", Email = "ann@example.com" });

        Fixture.AssertJsonEqual(
            new JsonObject { ["name"] = "Ann", ["email"] = "ann@example.com" },
            Assert.Single(Api.Requests).RequestMessage!.Body);
    }

    [Fact]
    public async Task Refuses_the_seed_example_country_name_before_sending()
    {
        CreateCustomerRequest request = SeedRequest() with { Address = new CustomerPostalAddress { City = "Dar es Salaam", Country = "Tanzania" } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Api.Client().Customers.CreateAsync(request));

        Assert.Equal("request.Address.Country", error.ParamName);
        Assert.Contains("alpha-2", error.Message, StringComparison.Ordinal);
        Assert.Empty(Api.Requests);
    }

    [Theory]
    [InlineData("", "ann@example.com", "request.Name")]
    [InlineData("  ", "ann@example.com", "request.Name")]
    [InlineData("Ann", "", "request.Email")]
    [InlineData("Ann", "not-an-email", "request.Email")]
    public async Task Refuses_missing_required_fields_before_sending(string name, string email, string param)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => Api.Client().Customers.CreateAsync(new CreateCustomerRequest { Name = name, Email = email }));

        Assert.Equal(param, error.ParamName);
        Assert.Empty(Api.Requests);
    }

    [Fact]
    public async Task Refuses_a_null_request()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Api.Client().Customers.CreateAsync(null!));
        Assert.Empty(Api.Requests);
    }

    [Fact]
    public async Task Hands_over_the_existing_customer_id_on_a_duplicate_email()
    {
        Api.Reply("POST", "/customers", 409, """
            {"error":{"type":"request_error","code":"customer_already_exists","detail":"customer email conflicts with customer of id ctm_01hv6y1jedq4p1n0yqn5ba3ky4","documentation_url":"https://developer.paddle.com/v1/errors/customers/customer_already_exists"},"meta":{"request_id":"9c4b3ee5-7b51-4c34-8b1e-1e3bd0b9d7a1"}}
            """);

        var conflict = await Assert.ThrowsAsync<ConflictException>(
            () => Api.Client().Customers.CreateAsync(new CreateCustomerRequest { Name = "Ann", Email = "ann@example.com" }));

        Assert.Equal(Ids.PaddleCustomer, conflict.ExistingCustomerId);
        Assert.Equal("customer_already_exists", conflict.ErrorCode);
        Assert.Equal("9c4b3ee5-7b51-4c34-8b1e-1e3bd0b9d7a1", conflict.RequestId);
        Assert.Equal("https://developer.paddle.com/v1/errors/customers/customer_already_exists", conflict.DocumentationUrl);
    }

    [Fact]
    public async Task Reads_a_customer_wrapped_in_a_data_envelope()
    {
        string enveloped = "{\"data\":" + Fixture.Text("003-create-customer.response.json") + ",\"meta\":{\"request_id\":\"r-1\"}}";
        Api.Reply("POST", "/customers", 201, enveloped);

        Customer customer = await Api.Client().Customers.CreateAsync(SeedRequest());

        Assert.Equal("cus_01h3vjs3b16yc3f9q8q9pfrb80", customer.Id.Value);
        Assert.Equal("Brighton Mboya", customer.Name);
    }
}
