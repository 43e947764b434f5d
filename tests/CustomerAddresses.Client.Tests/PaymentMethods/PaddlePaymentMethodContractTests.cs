using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.PaymentMethods;

/// <summary>A customer's saved payment methods against Paddle's own examples (Fixtures/paddle, verbatim): list with Paddle's filters, get, delete.</summary>
public sealed class PaddlePaymentMethodContractTests : FakeApiTests
{
    private const string ListPath = "/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/payment-methods";
    private const string ItemPath = ListPath + "/paymtd_01j2jff1m3es31sdkejpaym164";
    private static readonly PaymentMethodId s_card = PaymentMethodId.Parse("paymtd_01j2jff1m3es31sdkejpaym164");

    private PaymentMethodsClient Client(ApiDialect dialect = ApiDialect.PaddleBilling, int maxRetries = 0) =>
        TestClients.Create(new Uri(Api.Url), o =>
        {
            o.Dialect = dialect;
            o.ApiKey = FakeApi.ApiKey;
            o.Retry.MaxRetries = maxRetries;
            o.Retry.BaseDelay = TimeSpan.Zero;
        }).PaymentMethods;

    [Fact]
    public async Task Gets_a_saved_card_and_reads_every_field_without_writing_the_holder_into_ToString()
    {
        Api.Reply("GET", ItemPath, 200, Fixture.Text("paddle/openapi.payment-methods.get.200.json"));

        PaymentMethod method = await Client().GetAsync(Ids.PaddleCustomer, s_card);

        RequestAssert.IsJsonCall(Assert.Single(Api.Requests), "GET", ItemPath, hasBody: false);
        Assert.Equal((s_card, Ids.PaddleCustomer, AddressId.Parse("add_01j2jfab8zcjy524w6e4s1knjy")), (method.Id, method.CustomerId, method.AddressId!.Value));
        Assert.Equal((PaymentMethodType.Card, PaymentMethodOrigin.SavedDuringPurchase), (method.Type!.Value, method.Origin!.Value));
        PaymentCard card = method.Card!;
        Assert.Equal((PaymentCardType.Visa, "4242", 5, 2025, "Sam Miller"), (card.Type!.Value, card.Last4, card.ExpiryMonth, card.ExpiryYear, card.CardholderName));
        Assert.Null(method.PayPal);
        Assert.Equal(new DateTimeOffset(2024, 7, 12, 3, 23, 26, TimeSpan.Zero), method.SavedAt);
        Assert.Contains("Last4 = 4242", method.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Miller", method.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_with_Paddles_filters_and_reads_Paddles_example()
    {
        Api.Reply("GET", ListPath, 200, Fixture.Text("paddle/openapi.payment-methods.list.200.json"));

        List<Page<PaymentMethod>> pages = await Client().ListAsync(Ids.PaddleCustomer, new ListPaymentMethodsOptions
        {
            AddressIds = [AddressId.Parse("add_01j2jfab8zcjy524w6e4s1knjy")],
            SupportsCheckout = true,
            Order = SortOrder.Ascending,
            PerPage = 10,
        }).AsPages().ToListAsync();

        var entry = Assert.Single(Api.Requests);
        Assert.Equal(
            ("add_01j2jfab8zcjy524w6e4s1knjy", "true", "id[ASC]", "10"),
            (RequestAssert.Query(entry, "address_id"), RequestAssert.Query(entry, "supports_checkout"), RequestAssert.Query(entry, "order_by"), RequestAssert.Query(entry, "per_page")));
        Page<PaymentMethod> page = Assert.Single(pages);
        Assert.Equal([s_card], page.Items.Select(m => m.Id));
        Assert.Equal(1, page.EstimatedTotal);
    }

    [Fact]
    public async Task A_kind_or_scheme_Paddle_adds_later_is_kept_and_a_PayPal_account_is_never_written_into_ToString()
    {
        Api.Reply("GET", ItemPath, 200, """
            {"data":{"id":"paymtd_01j2jff1m3es31sdkejpaym164","customer_id":"ctm_01hv6y1jedq4p1n0yqn5ba3ky4","address_id":"add_01j2jfab8zcjy524w6e4s1knjy",
            "type":"paypal","card":null,"paypal":{"email":"sam@example.com","reference":"B-12345"},"origin":"imported_somewhere","saved_at":"2024-07-12T03:23:26.123456Z","updated_at":"2024-07-12T03:23:26Z","new_member":1},
            "meta":{"request_id":"r"}}
            """);
        Api.Reply("GET", ListPath + "/paymtd_01j2jff1m3es31sdkejpaym165", 200, """
            {"data":{"id":"paymtd_01j2jff1m3es31sdkejpaym165","customer_id":"ctm_01hv6y1jedq4p1n0yqn5ba3ky4","address_id":"add_01j2jfab8zcjy524w6e4s1knjy",
            "type":"crypto_wallet","card":{"type":"rupay","last4":"1111","expiry_month":1,"expiry_year":2030,"cardholder_name":"S M"},"origin":"subscription","saved_at":"2024-07-12T03:23:26Z","updated_at":"2024-07-12T03:23:26Z"},
            "meta":{"request_id":"r"}}
            """);

        PaymentMethod paypal = await Client().GetAsync(Ids.PaddleCustomer, s_card);
        PaymentMethod future = await Client().GetAsync(Ids.PaddleCustomer, PaymentMethodId.Parse("paymtd_01j2jff1m3es31sdkejpaym165"));

        Assert.Equal((PaymentMethodType.PayPal, "sam@example.com", "B-12345"), (paypal.Type!.Value, paypal.PayPal!.Email, paypal.PayPal.Reference));
        Assert.Equal("imported_somewhere", paypal.Origin!.Value.Value);
        Assert.DoesNotContain("sam@example.com", paypal.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("B-12345", paypal.ToString(), StringComparison.Ordinal);
        Assert.Equal(("crypto_wallet", "rupay"), (future.Type!.Value.Value, future.Card!.Type!.Value.Value));
    }

    [Fact]
    public async Task Deletes_with_204_and_a_second_delete_reports_Paddles_404()
    {
        Api.Reply("DELETE", ItemPath, 204, string.Empty);

        await Client().DeleteAsync(Ids.PaddleCustomer, s_card);
        ApiResponse response = await Client().DeleteAsync(Ids.PaddleCustomer, s_card, requestOptions: null);
        Api.Reply("DELETE", ItemPath, 404, """{"error":{"type":"request_error","code":"not_found","detail":"Entity paymtd_01j2jff1m3es31sdkejpaym164 not found","documentation_url":"https://developer.paddle.com/errors/shared/not_found"},"meta":{"request_id":"r"}}""");
        var gone = await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client().DeleteAsync(Ids.PaddleCustomer, s_card));

        RequestAssert.IsJsonCall(Api.Requests[0], "DELETE", ItemPath, hasBody: false);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("not_found", gone.ErrorCode);
    }

    [Fact]
    public async Task A_delete_is_retried_after_a_server_error_and_deletes_once()
    {
        int calls = 0;
        Api.Server.Given(WireMock.RequestBuilders.Request.Create().UsingDelete().WithPath(ItemPath))
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithCallback(_ => new WireMock.ResponseMessage
            {
                StatusCode = Interlocked.Increment(ref calls) == 1 ? 503 : 204,
            }));

        await Client(maxRetries: 2).DeleteAsync(Ids.PaddleCustomer, s_card);

        Assert.Equal(2, Api.Requests.Count);
    }

    [Fact]
    public async Task The_api_v1_dialect_has_no_saved_payment_methods_and_nothing_is_sent()
    {
        PaymentMethodsClient client = Client(ApiDialect.CustomersApiV1);

        await Assert.ThrowsAsync<NotSupportedException>(() => client.GetAsync(Ids.PaddleCustomer, s_card));
        await Assert.ThrowsAsync<NotSupportedException>(() => client.DeleteAsync(Ids.PaddleCustomer, s_card));
        Assert.Throws<NotSupportedException>(() => client.ListAsync(Ids.PaddleCustomer));
        Assert.Throws<ArgumentException>(() => Client().ListAsync(default));
        Assert.Empty(Api.Requests);
    }
}
