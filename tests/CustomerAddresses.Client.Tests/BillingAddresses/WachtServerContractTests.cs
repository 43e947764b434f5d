using System.Net;
using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.BillingAddresses;

/// <summary>
/// The billing address endpoints as Wacht's open-source server answers them (its handlers and models): 200 with
/// <c>errors: null</c>, snowflake ids, <c>address</c> for the first line, <c>{code, message}</c> error items.
/// </summary>
public sealed class WachtServerContractTests : FakeApiTests
{
    private const string Organization = "7318049100213157000";
    private const string Path = "/organizations/" + Organization + "/billing-addresses";
    private static readonly OrganizationId s_organization = OrganizationId.Parse(Organization);
    private static readonly BillingAddressId s_billing = BillingAddressId.Parse("7318049210374193152");

    private BillingAddressesClient Client() => Api.Client(apiKey: null, sessionToken: FakeApi.SessionToken).BillingAddresses;

    [Fact]
    public async Task An_add_answered_with_a_snowflake_id_and_the_servers_members_is_read_whole()
    {
        Api.Reply("POST", Path, 200, Fixture.Text("wacht-add-billing-address.response.json"));

        BillingAddress billing = await Client().AddAsync(s_organization, new AddBillingAddressRequest
        {
            Name = "HQ", Company = "Acme", AddressLine1 = "789 New Street", City = "Los Angeles", State = "CA", PostalCode = "90210", Country = "US",
        });

        Assert.Equal(s_billing, billing.Id);
        Assert.Equal("789 New Street", billing.AddressLine1); // from "address"
        Assert.Equal(("Los Angeles", "CA", "90210"), (billing.City, billing.State, billing.PostalCode));
        Assert.Equal(CountryCode.UnitedStates, billing.Country);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 26, 53, 589, TimeSpan.FromHours(5.5)).AddTicks(7930), billing.CreatedAt);
    }

    [Fact]
    public async Task Lists_the_whole_list_in_one_envelope_as_one_page()
    {
        Api.Reply("GET", Path, 200, Fixture.Text("wacht-list-billing-addresses.response.json"));

        List<Page<BillingAddress>> pages = await Client().ListAsync(s_organization).AsPages().ToListAsync();

        Page<BillingAddress> page = Assert.Single(pages);
        Assert.False(page.HasMore);
        Assert.Equal(["789 New Street", "1 Infinite Loop"], page.Items.Select(b => b.AddressLine1));
        var entry = Assert.Single(Api.Requests);
        Assert.Equal("GET", entry.RequestMessage!.Method);
        Assert.Empty(entry.RequestMessage.Query ?? new Dictionary<string, WireMock.Types.WireMockList<string>>());
        Assert.Throws<ArgumentException>(() => Client().ListAsync(s_organization).AsPages(pageSizeHint: 10));
    }

    [Fact]
    public async Task Replaces_with_exactly_the_servers_body()
    {
        Api.Reply("PUT", Path + "/7318049210374193152", 200, Fixture.Text("wacht-add-billing-address.response.json"));

        BillingAddress billing = await Client().ReplaceAsync(s_organization, s_billing, new ReplaceBillingAddressRequest
        {
            Address = "789 New Street", City = "Los Angeles", State = "CA", PostalCode = "90210", Country = "US",
        });

        Assert.Equal(s_billing, billing.Id);
        var entry = Assert.Single(Api.Requests);
        Assert.Equal("PUT", entry.RequestMessage!.Method);
        Fixture.AssertJsonEqual(
            System.Text.Json.Nodes.JsonNode.Parse("""{"address":"789 New Street","city":"Los Angeles","state":"CA","postal_code":"90210","country":"US"}"""),
            entry.RequestMessage.Body);
    }

    [Fact]
    public async Task Deletes_and_accepts_the_acknowledgement_or_an_empty_body()
    {
        Api.Reply("DELETE", Path + "/7318049210374193152", 200, Fixture.Text("wacht-delete-billing-address.response.json"));
        Api.ReplyRaw("DELETE", Path + "/7318049210374193153", 204, string.Empty, "application/json");

        await Client().DeleteAsync(s_organization, s_billing);
        await Client().DeleteAsync(s_organization, BillingAddressId.Parse("7318049210374193153"));

        Assert.Equal(["DELETE", "DELETE"], Api.Requests.Select(r => r.RequestMessage!.Method));
        Assert.True(string.IsNullOrEmpty(Api.Requests[0].RequestMessage!.Body)); // a delete sends no body
    }

    [Fact]
    public async Task A_non_member_is_permission_denied_and_error_items_become_codes()
    {
        Api.Reply("GET", Path, 403, """{"status":403,"message":"Insufficient permissions","data":null,"session":{},"errors":null}""");
        Api.Reply("PUT", Path + "/7318049210374193152", 400, """{"status":400,"message":"Bad request body","data":{},"errors":[{"code":"REQUIRED_FIELD","message":"address is required"}]}""");

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(async () => await Client().ListAsync(s_organization).ToListAsync());
        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => Client().ReplaceAsync(s_organization, s_billing, new ReplaceBillingAddressRequest
        {
            Address = "a", City = "c", State = "s", PostalCode = "p", Country = "US",
        }));

        Assert.Equal("Insufficient permissions", denied.Detail);
        Assert.Equal("REQUIRED_FIELD", invalid.ErrorCode);
        Assert.Equal(new ApiFieldError(null, "address is required", "REQUIRED_FIELD"), Assert.Single(invalid.FieldErrors));
    }

    [Fact]
    public async Task A_404_outside_the_envelope_says_the_base_address_is_wrong_not_that_the_address_is_missing()
    {
        Api.Reply("GET", Path, 404, """{"message":"Deployment not found"}""");
        Api.Reply("PUT", Path + "/7318049210374193152", 404, """{"status":404,"message":"Billing address not found","data":null,"errors":null}""");

        var deployment = await Assert.ThrowsAsync<CustomerAddressesApiException>(async () => await Client().ListAsync(s_organization).ToListAsync());
        var missing = await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client().ReplaceAsync(s_organization, s_billing, new ReplaceBillingAddressRequest
        {
            Address = "a", City = "c", State = "s", PostalCode = "p", Country = "US",
        }));

        Assert.IsNotType<ResourceNotFoundException>(deployment);
        Assert.Contains("check BaseAddress", deployment.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("address")]
    [InlineData("city")]
    [InlineData("state")]
    [InlineData("postal_code")]
    [InlineData("country")]
    public async Task A_replace_missing_any_member_is_refused_before_any_request(string missing)
    {
        var request = new ReplaceBillingAddressRequest
        {
            Address = missing == "address" ? " " : "a",
            City = missing == "city" ? "" : "c",
            State = missing == "state" ? " " : "s",
            PostalCode = missing == "postal_code" ? "" : "p",
            Country = missing == "country" ? default : CountryCode.UnitedStates,
        };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Client().ReplaceAsync(s_organization, s_billing, request));
        Assert.Empty(Api.Requests);
    }
}
