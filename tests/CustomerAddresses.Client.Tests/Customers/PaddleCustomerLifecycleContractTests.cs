using System.Text.Json.Nodes;
using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.Customers;

/// <summary>Get, list, update and archive a customer under the Paddle Billing dialect, against Paddle's own examples.</summary>
public sealed class PaddleCustomerLifecycleContractTests : FakeApiTests
{
    private const string ItemPath = "/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4";

    private CustomersClient Client(ApiDialect dialect = ApiDialect.PaddleBilling) =>
        TestClients.Create(new Uri(Api.Url), o =>
        {
            o.Dialect = dialect;
            o.ApiKey = FakeApi.ApiKey;
            o.Retry.MaxRetries = 0;
        }).Customers;

    [Fact]
    public async Task Gets_a_customer_and_reads_every_field()
    {
        const string path = "/customers/ctm_01hrffh7gvp29kc7xahm8wddwa";
        Api.Reply("GET", path, 200, Fixture.Text("paddle/openapi.customers.get.200.json"));

        Customer customer = await Client().GetAsync(CustomerId.Parse("ctm_01hrffh7gvp29kc7xahm8wddwa"));

        RequestAssert.IsJsonCall(Assert.Single(Api.Requests), "GET", path, hasBody: false);
        Assert.Equal(CustomerId.Parse("ctm_01hrffh7gvp29kc7xahm8wddwa"), customer.Id);
        Assert.Equal(("Sam Miller", "sam@example.com", "en"), (customer.Name, customer.Email, customer.Locale));
        Assert.False(customer.MarketingConsent);
        Assert.Null(customer.CustomData);
        Assert.Equal(CustomerStatus.Active, customer.Status);
        Assert.Equal(new DateTimeOffset(2024, 3, 8, 16, 49, 53, 691, TimeSpan.Zero), customer.CreatedAt);
        Assert.Equal(new DateTimeOffset(2024, 4, 11, 16, 3, 57, 924, TimeSpan.Zero).AddTicks(1460), customer.UpdatedAt);
        Assert.Null(customer.ImportMeta);
    }

    [Fact]
    public async Task Updates_with_Paddles_example_body_and_reads_its_answer()
    {
        Api.Reply("PATCH", ItemPath, 200, Fixture.Text("paddle/openapi.customers.update.200.json"));

        Customer customer = await Client().UpdateAsync(Ids.PaddleCustomer, new UpdateCustomerRequest { Name = "Jo Brown-Anderson" });

        var entry = Assert.Single(Api.Requests);
        RequestAssert.IsJsonCall(entry, "PATCH", ItemPath, hasBody: true);
        Fixture.AssertJsonEqual(Fixture.Json("paddle/openapi.customers.request.update-customer-standard.json"), entry.RequestMessage!.Body);
        Assert.Equal("Jo Brown-Anderson", customer.Name);
        Assert.Equal(new DateTimeOffset(2024, 4, 11, 15, 59, 56, 658, TimeSpan.Zero).AddTicks(7190), customer.UpdatedAt);
    }

    [Fact]
    public async Task Each_of_the_three_states_of_a_member_is_on_the_wire()
    {
        Api.Reply("PATCH", ItemPath, 200, Fixture.Text("paddle/openapi.customers.update.200.json"));

        await Client().UpdateAsync(Ids.PaddleCustomer, new UpdateCustomerRequest { Locale = "fr" });                              // name left as it is
        await Client().UpdateAsync(Ids.PaddleCustomer, new UpdateCustomerRequest { Name = null, CustomData = Patch<JsonObject>.Clear }); // cleared
        await Client().UpdateAsync(Ids.PaddleCustomer, new UpdateCustomerRequest { Name = "Jo", CustomData = new JsonObject { ["tier"] = "gold" } }); // set

        string?[] bodies = Api.Requests.Select(r => r.RequestMessage!.Body).ToArray();
        Fixture.AssertJsonEqual(JsonNode.Parse("""{"locale":"fr"}"""), bodies[0]);
        Fixture.AssertJsonEqual(JsonNode.Parse("""{"name":null,"custom_data":null}"""), bodies[1]);
        Fixture.AssertJsonEqual(JsonNode.Parse("""{"name":"Jo","custom_data":{"tier":"gold"}}"""), bodies[2]);
    }

    [Fact]
    public async Task Archives_with_a_patch_of_the_status()
    {
        Api.Reply("PATCH", ItemPath, 200, Fixture.Text("paddle/openapi.customers.update.200.json"));

        await Client().ArchiveAsync(Ids.PaddleCustomer);

        Fixture.AssertJsonEqual(JsonNode.Parse("""{"status":"archived"}"""), Assert.Single(Api.Requests).RequestMessage!.Body);
    }

    [Fact]
    public async Task Lists_customers_with_every_filter_and_reads_Paddles_example()
    {
        Api.Reply("GET", "/customers", 200, Fixture.Text("paddle/openapi.customers.list.200.json"));

        List<Customer> customers = await Client().ListAsync(new ListCustomersOptions
        {
            Emails = ["jo@example.com", "jamie@example.com"],
            Ids = [Ids.PaddleCustomer],
            Statuses = [CustomerStatus.Active, CustomerStatus.Archived],
            Search = "example",
            Order = SortOrder.Ascending,
            PerPage = 10,
        }).ToListAsync();

        var entry = Assert.Single(Api.Requests);
        Assert.Equal("jo@example.com,jamie@example.com", RequestAssert.Query(entry, "email"));
        Assert.Equal("ctm_01hv6y1jedq4p1n0yqn5ba3ky4", RequestAssert.Query(entry, "id"));
        Assert.Equal("active,archived", RequestAssert.Query(entry, "status"));
        Assert.Equal("example", RequestAssert.Query(entry, "search"));
        Assert.Equal("id[ASC]", RequestAssert.Query(entry, "order_by"));
        Assert.Equal("10", RequestAssert.Query(entry, "per_page"));
        Assert.Equal(["Jo Brown-Anderson", "Jamie Price", "Alex Wilson", "Sam Miller"], customers.Select(c => c.Name));
    }

    [Fact]
    public async Task The_api_v1_dialect_refuses_Paddles_locale_in_an_update()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Client(ApiDialect.CustomersApiV1).UpdateAsync(Ids.PaddleCustomer, new UpdateCustomerRequest { Locale = "en" }));

        Assert.Equal("request.Locale", e.ParamName);
        Assert.Empty(Api.Requests);
    }
}
