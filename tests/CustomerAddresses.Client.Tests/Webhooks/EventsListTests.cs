using System.Text.Json.Nodes;
using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.Webhooks;

/// <summary>
/// <c>GET /events</c>: Paddle's events, listed as the webhook verifier reads webhooks (the same typed events), cursor
/// paged with <c>after</c>, so a program can catch up from the last event it processed. The items are Paddle's own
/// webhook examples without <c>notification_id</c>, as the events list carries them.
/// </summary>
public sealed class EventsListTests : FakeApiTests
{
    private EventsClient Client(ApiDialect dialect = ApiDialect.PaddleBilling) =>
        TestClients.Create(new Uri(Api.Url), o =>
        {
            o.Dialect = dialect;
            o.ApiKey = FakeApi.ApiKey;
            o.Retry.MaxRetries = 0;
        }).Events;

    /// <summary>A Paddle webhook example as an item of the events list: the same object without <c>notification_id</c>.</summary>
    private static JsonObject Event(string fixture)
    {
        JsonObject item = Fixture.Json($"paddle-webhooks/{fixture}.json").AsObject();
        item.Remove("notification_id");
        return item;
    }

    private static string Page(IEnumerable<JsonObject> items, string? next, bool hasMore) => new JsonObject
    {
        ["data"] = new JsonArray([.. items]),
        ["meta"] = new JsonObject
        {
            ["request_id"] = "acca7502-1eaf-4a9e-9635-c6ab9844c8a5",
            ["pagination"] = new JsonObject { ["per_page"] = 2, ["next"] = next, ["has_more"] = hasMore, ["estimated_total"] = 3 },
        },
    }.ToJsonString();

    [Fact]
    public async Task Reads_each_event_as_the_verifier_reads_a_webhook_and_follows_the_next_link()
    {
        var subscription = new JsonObject
        {
            ["event_id"] = "evt_01hg0trvbgjfp0avfam8a2yzq1",
            ["event_type"] = "subscription.updated",
            ["occurred_at"] = "2023-11-24T14:12:06.640975Z",
            ["data"] = new JsonObject { ["id"] = "sub_01gyssnczp81czs49zcprm6hfv", ["status"] = "past_due" },
        };
        Api.Reply("GET", "/events", 200, Page([Event("customer-created"), Event("address-updated")], $"{Api.Url}/events?after=evt_01h849k5rs5jxgctb45s6pmkat&per_page=2", hasMore: true));
        Api.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/events").WithParam("after", "evt_01h849k5rs5jxgctb45s6pmkat").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Page([subscription], $"{Api.Url}/events?after=evt_01hg0trvbgjfp0avfam8a2yzq1&per_page=2", hasMore: false)));

        List<PaddleWebhookEvent> events = await Client().ListAsync(new ListEventsOptions { PerPage = 2 }).ToListAsync();

        Assert.Equal(2, Api.Requests.Count);
        Assert.Equal("2", RequestAssert.Query(Api.Requests[0], "per_page"));
        var created = Assert.IsType<CustomerWebhookEvent>(events[0]);
        Assert.Equal(("evt_01h8441jx8x1q971q9ksksqh82", PaddleWebhookEventTypes.CustomerCreated), (created.EventId, created.EventType));
        Assert.Null(created.NotificationId);
        Assert.Equal("sam@example.com", created.Customer.Email);
        Assert.Equal(new DateTimeOffset(2023, 8, 18, 10, 46, 18, 792, TimeSpan.Zero).AddTicks(6610), created.OccurredAt);
        var updated = Assert.IsType<AddressWebhookEvent>(events[1]);
        Assert.Equal("San Jose", updated.Address.City);
        var other = Assert.IsType<UnknownWebhookEvent>(events[2]);
        Assert.Equal(("subscription.updated", "past_due"), (other.EventType, other.Data.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Catches_up_after_the_last_event_processed_in_ascending_order_for_the_types_asked()
    {
        Api.Reply("GET", "/events", 200, Page([Event("address-created")], next: null, hasMore: false));

        await Client().ListAsync(new ListEventsOptions
        {
            After = "evt_01h8441jx8x1q971q9ksksqh82",
            Order = SortOrder.Ascending,
            EventTypes = [PaddleWebhookEventTypes.AddressCreated, PaddleWebhookEventTypes.CustomerUpdated],
        }).ToListAsync();

        var entry = Assert.Single(Api.Requests);
        Assert.Equal("evt_01h8441jx8x1q971q9ksksqh82", RequestAssert.Query(entry, "after"));
        Assert.Equal("id[ASC]", RequestAssert.Query(entry, "order_by"));
        Assert.Equal("address.created,customer.updated", RequestAssert.Query(entry, "event_type"));
    }

    [Fact]
    public async Task An_event_that_is_not_a_Paddle_event_is_an_unexpected_response_not_a_JSON_exception()
    {
        Api.Reply("GET", "/events", 200, """{"data":[{"event_id":"evt_1","event_type":"customer.created","data":{}}],"meta":{"request_id":"r"}}""");

        var e = await Assert.ThrowsAsync<UnexpectedResponseException>(async () => await Client().ListAsync().ToListAsync());

        Assert.Contains("List events", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Customer.Created")]
    [InlineData("customer created")]
    [InlineData("a,b")]
    [InlineData("")]
    public void An_event_type_that_is_not_a_name_is_refused_before_any_request(string type)
    {
        var e = Assert.Throws<ArgumentException>(() => Client().ListAsync(new ListEventsOptions { EventTypes = [type] }));

        Assert.Equal("options.EventTypes", e.ParamName);
        Assert.Empty(Api.Requests);
    }

    [Fact]
    public void The_api_v1_dialect_has_no_events_and_sends_nothing()
    {
        Assert.Throws<NotSupportedException>(() => Client(ApiDialect.CustomersApiV1).ListAsync());
        Assert.Empty(Api.Requests);
    }
}
