using System.Text.Json.Nodes;
using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.Businesses;

/// <summary>A customer's businesses against Paddle's own examples (Fixtures/paddle, verbatim): every operation, the list filters, and the checks made before sending.</summary>
public sealed class PaddleBusinessContractTests : FakeApiTests
{
    private const string ListPath = "/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/businesses";
    private const string ItemPath = ListPath + "/biz_01hv8hkr641vmpwytx38znv56k";
    private static readonly BusinessId s_uplift = BusinessId.Parse("biz_01hv8hkr641vmpwytx38znv56k");

    private BusinessesClient Client(ApiDialect dialect = ApiDialect.PaddleBilling) =>
        TestClients.Create(new Uri(Api.Url), o =>
        {
            o.Dialect = dialect;
            o.ApiKey = FakeApi.ApiKey;
            o.Retry.MaxRetries = 0;
        }).Businesses;

    [Fact]
    public async Task Creates_with_Paddles_example_body_and_reads_its_answer()
    {
        Api.Reply("POST", ListPath, 201, Fixture.Text("paddle/openapi.businesses.create.201.json"));

        Business business = await Client().CreateAsync(Ids.PaddleCustomer, new CreateBusinessRequest
        {
            Name = "Uplift Inc.",
            CompanyNumber = "555775291485",
            TaxIdentifier = "555952383",
            Contacts = [new BusinessContact { Name = "Parker Jones", Email = "parker@example.com" }],
        });

        var entry = Assert.Single(Api.Requests);
        RequestAssert.IsJsonCall(entry, "POST", ListPath, hasBody: true);
        Fixture.AssertJsonEqual(Fixture.Json("paddle/openapi.businesses.request.create-business-standard.json"), entry.RequestMessage!.Body);
        Assert.Equal((s_uplift, Ids.PaddleCustomer, "Uplift Inc.", "555775291485", "555952383"), (business.Id, business.CustomerId, business.Name, business.CompanyNumber, business.TaxIdentifier));
        Assert.Equal(BusinessStatus.Active, business.Status);
        Assert.Equal(("Parker Jones", "parker@example.com"), (Assert.Single(business.Contacts!).Name, business.Contacts![0].Email));
        Assert.Null(business.CustomData);
        Assert.Null(business.ImportMeta);
        Assert.Equal(new DateTimeOffset(2024, 4, 12, 6, 58, 37, 892, TimeSpan.Zero), business.CreatedAt);
    }

    [Fact]
    public async Task Gets_a_business_and_reads_every_field()
    {
        Api.Reply("GET", ItemPath, 200, Fixture.Text("paddle/openapi.businesses.get.200.json"));

        Business business = await Client().GetAsync(Ids.PaddleCustomer, s_uplift);

        RequestAssert.IsJsonCall(Assert.Single(Api.Requests), "GET", ItemPath, hasBody: false);
        Assert.Equal(["Parker Jones", "Jo Riley", "Jesse Garcia"], business.Contacts!.Select(c => c.Name));
        Assert.Equal("eb9b8d9b-7dd6-48e6-8c39-8557bba5eaa9", (string?)business.CustomData!["crm_id"]);
        Assert.Equal(new DateTimeOffset(2024, 4, 12, 7, 1, 3, 510, TimeSpan.Zero).AddTicks(5280), business.UpdatedAt);
        Assert.DoesNotContain("Uplift", business.ToString(), StringComparison.Ordinal); // names and numbers stay out of logs
        Assert.DoesNotContain("@", business.Contacts![0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Updates_with_Paddles_example_body_and_clears_what_is_set_to_null()
    {
        Api.Reply("PATCH", ItemPath, 200, Fixture.Text("paddle/openapi.businesses.update.200.json"));

        Business business = await Client().UpdateAsync(Ids.PaddleCustomer, s_uplift, new UpdateBusinessRequest
        {
            Contacts =
            [
                new BusinessContact { Name = "Parker Jones", Email = "parker@example.com" },
                new BusinessContact { Name = "Jo Riley", Email = "jo@example.com" },
                new BusinessContact { Name = "Jesse Garcia", Email = "jo@example.com" },
            ],
            CustomData = new JsonObject { ["customer_reference_id"] = "eb9b8d9b-7dd6-48e6-8c39-8557bba5eaa9" },
        });
        await Client().UpdateAsync(Ids.PaddleCustomer, s_uplift, new UpdateBusinessRequest { CompanyNumber = null, TaxIdentifier = "GB123", Name = "Uplift Ltd" });
        await Client().ArchiveAsync(Ids.PaddleCustomer, s_uplift);
        await Client().ReactivateAsync(Ids.PaddleCustomer, s_uplift);

        RequestAssert.IsJsonCall(Api.Requests[0], "PATCH", ItemPath, hasBody: true);
        Fixture.AssertJsonEqual(Fixture.Json("paddle/openapi.businesses.request.update-business-standard.json"), Api.Requests[0].RequestMessage!.Body);
        Fixture.AssertJsonEqual(JsonNode.Parse("""{"name":"Uplift Ltd","company_number":null,"tax_identifier":"GB123"}"""), Api.Requests[1].RequestMessage!.Body);
        Fixture.AssertJsonEqual(JsonNode.Parse("""{"status":"archived"}"""), Api.Requests[2].RequestMessage!.Body);
        Fixture.AssertJsonEqual(JsonNode.Parse("""{"status":"active"}"""), Api.Requests[3].RequestMessage!.Body);
        Assert.Equal(3, business.Contacts!.Count);
    }

    [Fact]
    public async Task Lists_with_Paddles_filters_through_the_pager_and_reads_Paddles_example()
    {
        Api.Reply("GET", ListPath, 200, Fixture.Text("paddle/openapi.businesses.list.200.json"));

        List<Page<Business>> pages = await Client().ListAsync(Ids.PaddleCustomer, new ListBusinessesOptions
        {
            Statuses = [BusinessStatus.Active, BusinessStatus.Archived],
            Search = "Uplift",
            Ids = [s_uplift, BusinessId.Parse("biz_01hv8j0z17hv4ew8teebwjmfcb")],
            Order = SortOrder.Ascending,
            PerPage = 2,
            After = "biz_01hv8a",
        }).AsPages().ToListAsync();

        var entry = Assert.Single(Api.Requests); // has_more:false ends it, although "next" is present
        Assert.Equal(
            ("active,archived", "Uplift", "biz_01hv8hkr641vmpwytx38znv56k,biz_01hv8j0z17hv4ew8teebwjmfcb", "id[ASC]", "2", "biz_01hv8a"),
            (RequestAssert.Query(entry, "status"), RequestAssert.Query(entry, "search"), RequestAssert.Query(entry, "id"), RequestAssert.Query(entry, "order_by"), RequestAssert.Query(entry, "per_page"), RequestAssert.Query(entry, "after")));
        Page<Business> page = Assert.Single(pages);
        Assert.Equal(["HighFly LLC.", "Uplift Inc."], page.Items.Select(b => b.Name));
        Assert.Equal((2L, "ec0cc200-3610-4726-a374-a2df142baff8"), (page.EstimatedTotal!.Value, page.RequestId));
    }

    [Fact]
    public async Task The_api_v1_dialect_has_no_businesses_and_nothing_is_sent()
    {
        BusinessesClient client = Client(ApiDialect.CustomersApiV1);

        await Assert.ThrowsAsync<NotSupportedException>(() => client.GetAsync(Ids.PaddleCustomer, s_uplift));
        await Assert.ThrowsAsync<NotSupportedException>(() => client.CreateAsync(Ids.PaddleCustomer, new CreateBusinessRequest { Name = "Uplift Inc." }));
        Assert.Throws<NotSupportedException>(() => client.ListAsync(Ids.PaddleCustomer));
        Assert.Empty(Api.Requests);
    }

    public static TheoryData<CreateBusinessRequest, string> BadCreates => new()
    {
        { new CreateBusinessRequest { Name = " " }, "request.Name" },
        { new CreateBusinessRequest { Name = new string('n', 1025) }, "request.Name" },
        { new CreateBusinessRequest { Name = "Uplift", TaxIdentifier = new string('1', 1025) }, "request.TaxIdentifier" },
        { new CreateBusinessRequest { Name = "Uplift", Contacts = [new BusinessContact { Email = "not an email" }] }, "request.Contacts[0].Email" },
        { new CreateBusinessRequest { Name = "Uplift", Contacts = [.. Enumerable.Range(0, 101).Select(i => new BusinessContact { Email = $"c{i}@example.com" })] }, "request.Contacts" },
        { new CreateBusinessRequest { Name = "Uplift", Contacts = [new BusinessContact { Email = "a@example.com" }, new BusinessContact { Email = "a@example.com" }] }, "request.Contacts" },
    };

    [Theory]
    [MemberData(nameof(BadCreates))]
    public async Task A_bad_business_is_an_ArgumentException_naming_the_member_before_any_request(CreateBusinessRequest request, string member)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Client().CreateAsync(Ids.PaddleCustomer, request));

        Assert.Equal(member, error.ParamName);
        Assert.StartsWith(member["request.".Length..], Assert.Single(Client().Validate(request)).Member, StringComparison.Ordinal); // "Contacts[1]" for the element a check is about
        Assert.Empty(Api.Requests);
    }
}
