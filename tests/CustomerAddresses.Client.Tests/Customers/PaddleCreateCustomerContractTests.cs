using System.Text.Json.Nodes;
using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.Customers;

/// <summary>
/// <c>POST /customers</c> under the Paddle Billing dialect, against Paddle's own examples (its OpenAPI document, copied
/// verbatim into Fixtures/paddle): the body is exactly Paddle's, with no member it does not define.
/// </summary>
public sealed class PaddleCreateCustomerContractTests : FakeApiTests
{
    private CustomersClient Client() =>
        TestClients.Create(new Uri(Api.Url), o =>
        {
            o.Dialect = ApiDialect.PaddleBilling;
            o.ApiKey = FakeApi.ApiKey;
            o.Retry.MaxRetries = 0;
        }).Customers;

    [Fact]
    public async Task Sends_Paddles_example_request_and_reads_every_field_of_its_response()
    {
        Api.Reply("POST", "/customers", 201, Fixture.Text("paddle/openapi.customers.create.201.json"));

        Customer customer = await Client().CreateAsync(new CreateCustomerRequest { Email = "jo@example.com", Name = "Jo Brown" });

        var entry = Assert.Single(Api.Requests);
        RequestAssert.IsJsonCall(entry, "POST", "/customers", hasBody: true);
        Assert.Equal("1", RequestAssert.Header(entry, "Paddle-Version"));
        Fixture.AssertJsonEqual(Fixture.Json("paddle/openapi.customers.request.create-customer-standard.json"), entry.RequestMessage!.Body);

        Assert.Equal(CustomerId.Parse("ctm_01hv6y1jedq4p1n0yqn5ba3ky4"), customer.Id);
        Assert.Equal(CustomerStatus.Active, customer.Status);
        Assert.Null(customer.CustomData);
        Assert.Equal("Jo Brown", customer.Name);
        Assert.Equal("jo@example.com", customer.Email);
        Assert.False(customer.MarketingConsent);
        Assert.Equal("en", customer.Locale);
        Assert.Equal(new DateTimeOffset(2024, 4, 11, 15, 57, 24, 813, TimeSpan.Zero), customer.CreatedAt);
        Assert.Equal(new DateTimeOffset(2024, 4, 11, 15, 57, 24, 813, TimeSpan.Zero), customer.UpdatedAt);
        Assert.Null(customer.ImportMeta);
    }

    [Fact]
    public async Task The_minimal_body_is_the_email_alone_and_locale_and_custom_data_go_as_set()
    {
        Api.Reply("POST", "/customers", 201, Fixture.Text("paddle/openapi.customers.create.201.json"));

        await Client().CreateAsync(new CreateCustomerRequest { Email = "jo@example.com" });
        await Client().CreateAsync(new CreateCustomerRequest { Email = "jo@example.com", Locale = "fr", CustomData = new JsonObject { ["crm"] = "1" } });

        Fixture.AssertJsonEqual(JsonNode.Parse("""{"email":"jo@example.com"}"""), Api.Requests[0].RequestMessage!.Body);
        Fixture.AssertJsonEqual(JsonNode.Parse("""{"email":"jo@example.com","locale":"fr","custom_data":{"crm":"1"}}"""), Api.Requests[1].RequestMessage!.Body);
    }

    public static TheoryData<CreateCustomerRequest, string> UndefinedOnPaddle => new()
    {
        { new CreateCustomerRequest { Email = "jo@example.com", Phone = "+1" }, "request.Phone" },
        { new CreateCustomerRequest { Email = "jo@example.com", Address = new CustomerPostalAddress { City = "X" } }, "request.Address" },
        { new CreateCustomerRequest { Email = "jo@example.com", PaymentMethod = "card_1" }, "request.PaymentMethod" },
        { new CreateCustomerRequest { Email = "jo@example.com", Status = CustomerStatus.Active }, "request.Status" },
    };

    [Theory]
    [MemberData(nameof(UndefinedOnPaddle))]
    public async Task A_member_Paddle_does_not_define_is_refused_never_dropped_or_sent(CreateCustomerRequest request, string member)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Client().CreateAsync(request));

        Assert.Equal(member, e.ParamName);
        Assert.Contains("Paddle Billing", e.Message, StringComparison.Ordinal);
        Assert.Empty(Api.Requests);
    }

    [Theory]
    [InlineData("bob@")]
    [InlineData("@example.com")]
    [InlineData("a b@example.com")]
    [InlineData("jo@exa mple.com")]
    [InlineData("jo@example.com\n")]
    [InlineData("jo")]
    public async Task An_email_no_server_takes_is_refused_before_sending_without_quoting_it(string email)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Client().CreateAsync(new CreateCustomerRequest { Email = email }));

        Assert.Equal("request.Email", e.ParamName);
        Assert.DoesNotContain(email.Trim(), e.Message, StringComparison.Ordinal); // an email is personal data
        Assert.Empty(Api.Requests);
    }

    [Theory]
    [InlineData("\"jo brown\"@example.com")]
    [InlineData("jo@localhost")]
    [InlineData("jörg@bücher.example")]
    public async Task An_email_of_a_shape_some_server_takes_is_sent(string email)
    {
        Api.Reply("POST", "/customers", 201, Fixture.Text("paddle/openapi.customers.create.201.json"));

        await Client().CreateAsync(new CreateCustomerRequest { Email = email });

        Assert.Equal(email, (string?)JsonNode.Parse(Assert.Single(Api.Requests).RequestMessage!.Body!)!["email"]);
    }

    [Fact]
    public async Task The_api_v1_dialect_refuses_Paddles_locale_and_still_requires_a_name()
    {
        CustomersClient v1 = Api.Client().Customers;

        Assert.Equal("request.Locale", (await Assert.ThrowsAsync<ArgumentException>(() => v1.CreateAsync(new CreateCustomerRequest { Name = "Jo", Email = "jo@example.com", Locale = "en" }))).ParamName);
        Assert.Equal("request.Name", (await Assert.ThrowsAsync<ArgumentException>(() => v1.CreateAsync(new CreateCustomerRequest { Email = "jo@example.com" }))).ParamName);
        Assert.Empty(Api.Requests);
    }

    private static string Conflict(string code, string detail) =>
        new JsonObject { ["error"] = new JsonObject { ["type"] = "request_error", ["code"] = code, ["detail"] = detail } }.ToJsonString();

    [Theory]
    [InlineData("conflict")]
    [InlineData("concurrent_modification")]
    public async Task Only_customer_already_exists_names_an_existing_customer(string code)
    {
        string detail = "conflicts with customer of id ctm_01hv6y1jedq4p1n0yqn5ba3ky4";
        Api.Reply("POST", "/customers", 409, Conflict(code, detail));

        var other = await Assert.ThrowsAsync<ConflictException>(() => Client().CreateAsync(new CreateCustomerRequest { Email = "jo@example.com" }));
        Api.Server.Reset();
        Api.Reply("POST", "/customers", 409, Conflict(PaddleErrorCodes.CustomerAlreadyExists, detail));
        var duplicate = await Assert.ThrowsAsync<ConflictException>(() => Client().CreateAsync(new CreateCustomerRequest { Email = "jo@example.com" }));

        Assert.Null(other.ExistingCustomerId);
        Assert.Equal(CustomerId.Parse("ctm_01hv6y1jedq4p1n0yqn5ba3ky4"), duplicate.ExistingCustomerId);
        Assert.Equal(PaddleErrorCodes.CustomerAlreadyExists, duplicate.ErrorCode);
    }

    [Fact]
    public async Task A_malformed_authorization_is_an_authentication_failure()
    {
        Api.Reply("POST", "/customers", 403, Conflict(PaddleErrorCodes.AuthenticationMalformed, "bad header"));

        var e = await Assert.ThrowsAsync<AuthenticationFailedException>(() => Client().CreateAsync(new CreateCustomerRequest { Email = "jo@example.com" }));

        Assert.Equal(PaddleErrorCodes.AuthenticationMalformed, e.ErrorCode);
    }
}
