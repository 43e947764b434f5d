using System.Net;
using System.Text.Json.Nodes;
using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.Customers;

/// <summary>
/// The customer operations of Paddle's reference beyond the lifecycle (credit balances, authentication tokens, portal
/// sessions), against Paddle's own examples; the /api/v1 dialect refuses each before any request.
/// </summary>
public sealed class PaddleCustomerOperationsContractTests : FakeApiTests
{
    private const string CustomerPath = "/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4";

    private CustomersClient Client(ApiDialect dialect = ApiDialect.PaddleBilling, int maxRetries = 0) =>
        TestClients.Create(new Uri(Api.Url), o =>
        {
            o.Dialect = dialect;
            o.ApiKey = FakeApi.ApiKey;
            o.Retry.MaxRetries = maxRetries;
        }).Customers;

    [Fact]
    public async Task Lists_credit_balances_and_reads_Paddles_example_with_its_amounts_as_strings()
    {
        Api.Reply("GET", CustomerPath + "/credit-balances", 200, Fixture.Text("paddle/openapi.customers.list-credit-balances.200.json"));

        List<CustomerCreditBalance> balances = await Client().ListCreditBalancesAsync(Ids.PaddleCustomer).ToListAsync();

        var entry = Assert.Single(Api.Requests);
        RequestAssert.IsJsonCall(entry, "GET", CustomerPath + "/credit-balances", hasBody: false);
        Assert.Null(RequestAssert.Query(entry, "currency_code"));
        CustomerCreditBalance balance = Assert.Single(balances);
        Assert.Equal(CustomerId.Parse("ctm_01gw9m680k848184fpttwr0b7z"), balance.CustomerId);
        Assert.Equal("USD", balance.CurrencyCode);
        Assert.Equal(new CreditBalanceTotals { Available = "550", Reserved = "900", Used = "1300" }, balance.Balance);
    }

    [Fact]
    public async Task Filters_credit_balances_by_currency_and_reads_an_empty_answer_as_no_balance_in_one_request()
    {
        Api.Reply("GET", CustomerPath + "/credit-balances", 200, """{"data":[],"meta":{"request_id":"r1"}}""");

        List<Page<CustomerCreditBalance>> pages = await Client().ListCreditBalancesAsync(Ids.PaddleCustomer, ["USD", "EUR"]).AsPages().ToListAsync();

        Assert.Equal("USD,EUR", RequestAssert.Query(Assert.Single(Api.Requests), "currency_code"));
        Page<CustomerCreditBalance> page = Assert.Single(pages);
        Assert.Empty(page.Items);
        Assert.False(page.HasMore);
        Assert.Equal("r1", page.Response!.RequestId);
    }

    [Theory]
    [InlineData("usd")]
    [InlineData("US")]
    [InlineData("USD,EUR")]
    [InlineData("")]
    public void A_currency_code_that_is_not_three_upper_case_letters_is_refused_before_any_request(string code)
    {
        var e = Assert.Throws<ArgumentException>(() => Client().ListCreditBalancesAsync(Ids.PaddleCustomer, [code]));

        Assert.Equal("currencyCodes", e.ParamName);
        Assert.Empty(Api.Requests);
    }

    [Fact]
    public async Task Generates_an_auth_token_with_no_body_and_reads_Paddles_example_keeping_the_token_out_of_ToString()
    {
        Api.Reply("POST", CustomerPath + "/auth-token", 200, Fixture.Text("paddle/openapi.customers.generate-auth-token.200.json"));

        ApiResponse<CustomerAuthToken> response = await Client().GenerateAuthTokenAsync(Ids.PaddleCustomer, requestOptions: null);

        var entry = Assert.Single(Api.Requests);
        Assert.Equal("POST", entry.RequestMessage!.Method);
        Assert.True(string.IsNullOrEmpty(entry.RequestMessage.Body), "Paddle's SDKs send no body");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fa176777-4bca-49ec-aa1e-f53885333cb7", response.RequestId);
        CustomerAuthToken token = response.Value;
        Assert.Equal("pca_01hwyzq8hmdwed5p4jc4hnv6bh_01hwwggymjn0yhhb2gr4p91276_6xaav4lydudt6bgmuefeaf2xnu3umegx", token.Token);
        Assert.Equal(new DateTimeOffset(2024, 5, 3, 10, 34, 12, 340, TimeSpan.Zero), token.ExpiresAt);
        Assert.DoesNotContain("pca_", token.ToString(), StringComparison.Ordinal);
        Assert.Contains("2024-05-03T10:34:12.3400000+00:00", token.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_token_is_not_asked_for_again_after_a_server_error()
    {
        Api.Reply("POST", CustomerPath + "/auth-token", 503, """{"error":{"type":"api_error","code":"internal_error","detail":"down"}}""");

        await Assert.ThrowsAsync<ServerErrorException>(() => Client(maxRetries: 3).GenerateAuthTokenAsync(Ids.PaddleCustomer));

        Assert.Single(Api.Requests);
    }

    [Fact]
    public async Task Creates_a_portal_session_with_the_subscription_ids_as_Paddles_SDKs_send_them_and_reads_Paddles_example()
    {
        Api.Reply("POST", CustomerPath + "/portal-sessions", 201, Fixture.Text("paddle/openapi.customer-portal-sessions.create.201.json"));

        CustomerPortalSession session = await Client().CreatePortalSessionAsync(Ids.PaddleCustomer, ["sub_01h04vsc0qhwtsbsxh3422wjs4"]);
        await Client().CreatePortalSessionAsync(Ids.PaddleCustomer);

        string?[] bodies = [.. Api.Requests.Select(r => r.RequestMessage!.Body)];
        Fixture.AssertJsonEqual(JsonNode.Parse("""{"subscription_ids":["sub_01h04vsc0qhwtsbsxh3422wjs4"]}"""), bodies[0]);
        Fixture.AssertJsonEqual(JsonNode.Parse("""{"subscription_ids":[]}"""), bodies[1]);
        Assert.Equal("cpls_01h4ge9r64c22exjsx0fy8b48b", session.Id);
        Assert.Equal(CustomerId.Parse("ctm_01gysfvfy7vqhpzkq8rjmrq7an"), session.CustomerId);
        Assert.Equal(new DateTimeOffset(2024, 10, 25, 6, 53, 58, TimeSpan.Zero), session.CreatedAt);
        Assert.StartsWith("https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw?action=overview&token=pga_", session.Urls!.General!.Overview!.AbsoluteUri, StringComparison.Ordinal);
        CustomerPortalSubscriptionUrls subscription = Assert.Single(session.Urls.Subscriptions!);
        Assert.Equal("sub_01h04vsc0qhwtsbsxh3422wjs4", subscription.Id);
        Assert.Contains("action=cancel_subscription", subscription.CancelSubscription!.Query, StringComparison.Ordinal);
        Assert.Contains("action=update_subscription_payment_method", subscription.UpdateSubscriptionPaymentMethod!.Query, StringComparison.Ordinal);
        foreach (object model in new object[] { session, session.Urls, session.Urls.General, subscription })
        {
            Assert.DoesNotContain("token", model.ToString()!.Replace("(links not shown)", string.Empty, StringComparison.Ordinal).Replace("(link not shown)", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("pga_", model.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("sub_")]
    [InlineData("SUB_01h04vsc0qhwtsbsxh3422wjs4")]
    [InlineData("sub_01H04VSC")]
    [InlineData("sub_01h04/../x")]
    [InlineData("txn_01h04vsc0qhwtsbsxh3422wjs4")]
    public async Task A_subscription_id_of_another_shape_is_refused_before_any_request(string id)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Client().CreatePortalSessionAsync(Ids.PaddleCustomer, ["sub_01h04vsc0qhwtsbsxh3422wjs4", id]));

        Assert.Equal("subscriptionIds", e.ParamName);
        Assert.Contains("subscriptionIds[1]", e.Message, StringComparison.Ordinal);
        Assert.Empty(Api.Requests);
    }

    [Fact]
    public async Task The_api_v1_dialect_has_none_of_the_three_and_sends_nothing()
    {
        CustomersClient client = Client(ApiDialect.CustomersApiV1);

        Assert.Contains("List credit balances", Assert.Throws<NotSupportedException>(() => client.ListCreditBalancesAsync(Ids.SeedCustomer)).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<NotSupportedException>(() => client.GenerateAuthTokenAsync(Ids.SeedCustomer));
        await Assert.ThrowsAsync<NotSupportedException>(() => client.CreatePortalSessionAsync(Ids.SeedCustomer, ["sub_01h04vsc0qhwtsbsxh3422wjs4"]));

        Assert.Empty(Api.Requests);
    }

    [Fact]
    public async Task A_default_customer_id_is_refused_before_any_request()
    {
        Assert.Throws<ArgumentException>(() => Client().ListCreditBalancesAsync(default));
        await Assert.ThrowsAsync<ArgumentException>(() => Client().GenerateAuthTokenAsync(default));
        await Assert.ThrowsAsync<ArgumentException>(() => Client().CreatePortalSessionAsync(default));

        Assert.Empty(Api.Requests);
    }
}
