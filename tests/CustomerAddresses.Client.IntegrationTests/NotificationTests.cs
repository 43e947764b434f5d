using System.Net;
using System.Text.Json.Nodes;
using CustomerAddresses.Client.Testing;
using CustomerAddresses.Client.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>
/// Paddle's notification settings, events and notifications on the emulator, over raw HTTP as any language sends them:
/// a destination registered with <c>POST /notification-settings</c> receives every change it subscribed to, signed with
/// the <c>endpoint_secret_key</c> the answer carries; events are listed for catching up; notifications are inspected
/// and replayed.
/// </summary>
public sealed class NotificationTests
{
    private static readonly string[] s_settingMembers = ["id", "description", "type", "destination", "active", "api_version", "include_sensitive_fields", "traffic_source", "subscribed_events", "endpoint_secret_key"];

    private static Task<(HttpStatusCode Status, JsonObject Body)> Send(HttpClient http, HttpMethod method, string path, string? json = null) =>
        RawHttp.Send(http, method, path, json);

    private static string[] Members(JsonNode node) => [.. node.AsObject().Select(p => p.Key)];

    private static string[] Fields(JsonObject error) => [.. error["error"]!["errors"]!.AsArray().Select(e => (string)e!["field"]!)];

    private static string SettingBody(string destination, params string[] events) => new JsonObject
    {
        ["description"] = "Slack notifications",
        ["type"] = "url",
        ["destination"] = destination,
        ["include_sensitive_fields"] = false,
        ["subscribed_events"] = new JsonArray([.. events.Select(e => (JsonNode)e)]),
        ["api_version"] = 1,
    }.ToJsonString();

    /// <summary>Creates a setting over HTTP, starts a receiver that verifies with its secret key, and points the setting at it.</summary>
    private static async Task<(string Id, WebhookReceiver Receiver)> Destination(HttpClient http, TimeProvider clock, params string[] events)
    {
        var (status, created) = await Send(http, HttpMethod.Post, "notification-settings", SettingBody("https://hooks.slack.com/example", events));
        Assert.Equal(HttpStatusCode.Created, status);
        string id = (string)created["data"]!["id"]!;
        WebhookReceiver receiver = await WebhookReceiver.StartAsync(clock, (string)created["data"]!["endpoint_secret_key"]!);
        var (patched, _) = await Send(http, HttpMethod.Patch, $"notification-settings/{id}", new JsonObject { ["destination"] = receiver.Url.ToString() }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, patched);
        return (id, receiver);
    }

    [Fact]
    public async Task A_notification_setting_is_created_read_listed_updated_and_deleted_as_Paddle_answers()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        var (status, created) = await Send(http, HttpMethod.Post, "notification-settings", SettingBody("https://hooks.slack.com/example", "customer.created", "address.updated", "transaction.billed"));
        JsonObject setting = created["data"]!.AsObject();
        string id = (string)setting["id"]!;

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(["data", "meta"], Members(created));
        Assert.Equal(s_settingMembers, Members(setting));
        Assert.Matches("^ntfset_[0-9a-hjkmnp-tv-z]{26}$", id);
        Assert.Matches($"^pdl_{id}_[A-Za-z0-9]{{32}}$", (string)setting["endpoint_secret_key"]!);
        Assert.Equal((true, 1, false, "platform"), ((bool)setting["active"]!, (int)setting["api_version"]!, (bool)setting["include_sensitive_fields"]!, (string)setting["traffic_source"]!));
        JsonNode first = setting["subscribed_events"]![0]!;
        Assert.Equal(["name", "description", "group", "available_versions"], Members(first));
        Assert.Equal(("customer.created", "Occurs when a customer is created.", "Customer"), ((string)first["name"]!, (string)first["description"]!, (string)first["group"]!));
        Assert.Equal("Occurs when a payment fails for a transaction.", (string)(await Send(http, HttpMethod.Post, "notification-settings", SettingBody("https://example.com/h", "transaction.payment_failed"))).Body["data"]!["subscribed_events"]![0]!["description"]!);

        var (_, got) = await Send(http, HttpMethod.Get, $"notification-settings/{id}");
        Assert.True(JsonNode.DeepEquals(setting, got["data"]));
        var (_, list) = await Send(http, HttpMethod.Get, "notification-settings?active=true");
        Assert.Equal(2, list["data"]!.AsArray().Count);
        Assert.Equal(200, (int)list["meta"]!["pagination"]!["per_page"]!);
        var (updatedStatus, updated) = await Send(http, HttpMethod.Patch, $"notification-settings/{id}", """{"description":"Slack notifications (old)","active":false}""");
        Assert.Equal(HttpStatusCode.OK, updatedStatus);
        Assert.Equal(("Slack notifications (old)", false), ((string)updated["data"]!["description"]!, (bool)updated["data"]!["active"]!));
        Assert.Single((await Send(http, HttpMethod.Get, "notification-settings?active=false")).Body["data"]!.AsArray());

        var (deleted, deletedBody) = await Send(http, HttpMethod.Delete, $"notification-settings/{id}");
        Assert.Equal((HttpStatusCode.NoContent, 0), (deleted, deletedBody.Count));
        Assert.Equal(HttpStatusCode.NotFound, (await Send(http, HttpMethod.Get, $"notification-settings/{id}")).Status);
    }

    [Theory]
    [InlineData("""{"description":"x","type":"url","destination":"https://example.com/h","subscribed_events":["customer.created"],"secret":"mine"}""", "secret")]
    [InlineData("""{"description":"x","type":"url","destination":"https://example.com/h","subscribed_events":["customer.deleted"]}""", "subscribed_events")]
    [InlineData("""{"description":"x","type":"sms","destination":"https://example.com/h","subscribed_events":[]}""", "type")]
    [InlineData("""{"description":"x","type":"url","destination":"not a url","subscribed_events":[]}""", "destination")]
    [InlineData("""{"description":"x","type":"url","destination":"https://example.com/h","subscribed_events":[],"api_version":2}""", "api_version")]
    [InlineData("""{"description":"","type":"url","destination":"https://example.com/h","subscribed_events":[]}""", "description")]
    [InlineData("""{"description":"x","type":"url","destination":"https://example.com/h"}""", "subscribed_events")]
    [InlineData("""{"description":"x","type":"url","destination":"https://example.com/h","subscribed_events":[],"traffic_source":"sandbox"}""", "traffic_source")]
    public async Task A_setting_Paddle_would_refuse_is_400_invalid_field_naming_the_member(string body, string field)
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        var (status, error) = await Send(http, HttpMethod.Post, "notification-settings", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_field", (string)error["error"]!["code"]!);
        Assert.Contains(field, Fields(error));
        Assert.Empty((await Send(http, HttpMethod.Get, "notification-settings")).Body["data"]!.AsArray());
    }

    [Fact]
    public async Task A_setting_made_over_http_receives_exactly_the_events_it_subscribed_to_while_it_is_active()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        (string id, WebhookReceiver receiver) = await Destination(http, TimeProvider.System, "address.created", "address.updated");
        await using var _ = receiver;
        using CustomerAddressesClient client = TestClients.Create(emulator.BaseAddress, o => o.Dialect = ApiDialect.PaddleBilling);

        Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "subscribed@example.com" });
        Address address = await client.Addresses.CreateAsync(customer.Id, new CreateAddressRequest { Country = "DE" });
        var created = Assert.IsType<AddressWebhookEvent>(await receiver.NextAsync());
        await Send(http, HttpMethod.Patch, $"notification-settings/{id}", """{"active":false}""");
        await client.Addresses.UpdateAsync(customer.Id, address.Id, new UpdateAddressRequest { City = "Berlin" });
        await Send(http, HttpMethod.Patch, $"notification-settings/{id}", """{"active":true}""");
        await client.Addresses.UpdateAsync(customer.Id, address.Id, new UpdateAddressRequest { City = "Munich" });
        var updated = Assert.IsType<AddressWebhookEvent>(await receiver.NextAsync());
        await emulator.WaitForWebhooksAsync();

        Assert.Equal(address, created.Address);
        Assert.Equal("Munich", updated.Address.City); // the customer's creation and the update while inactive were never sent
        Assert.Equal(2, emulator.WebhookDeliveries.Count);
        Assert.False(receiver.Received.Reader.TryRead(out PaddleWebhookEvent? extra), $"unexpected {extra?.EventType}");
    }

    [Fact]
    public async Task Under_many_concurrent_changes_every_event_is_kept_once_and_delivered_once()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        (string settingId, WebhookReceiver receiver) = await Destination(http, TimeProvider.System, "customer.created", "address.created");
        await using var _ = receiver;
        using CustomerAddressesClient client = TestClients.Create(emulator.BaseAddress, o => o.Dialect = ApiDialect.PaddleBilling);

        await Parallel.ForEachAsync(Enumerable.Range(0, 40), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = $"many{i}@example.com" }, ct);
            await client.Addresses.CreateAsync(customer.Id, new CreateAddressRequest { Country = "FR" }, ct);
        });
        await emulator.WaitForWebhooksAsync();
        List<PaddleWebhookEvent> events = await client.Events.ListAsync(new ListEventsOptions { PerPage = 7 }).ToListAsync();
        var received = new List<PaddleWebhookEvent>();
        while (receiver.Received.Reader.TryRead(out PaddleWebhookEvent? delivered))
        {
            received.Add(delivered);
        }

        var (_, notifications) = await Send(http, HttpMethod.Get, $"notifications?notification_setting_id={settingId}&per_page=200");
        Assert.Equal(80, events.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(40, events.Count(e => e.EventType == PaddleWebhookEventTypes.AddressCreated));
        Assert.Equal(events.Select(e => e.EventId).Order(StringComparer.Ordinal), received.Select(e => e.EventId).Order(StringComparer.Ordinal));
        Assert.Equal(80, received.Select(e => e.NotificationId).Distinct().Count());
        Assert.Equal(80, notifications["data"]!.AsArray().Count(n => (string?)n!["status"] == "delivered"));
    }

    [Fact]
    public async Task Every_event_is_listed_and_a_program_catches_up_after_the_last_one_it_processed()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using CustomerAddressesClient client = TestClients.Create(emulator.BaseAddress, o => o.Dialect = ApiDialect.PaddleBilling);
        Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "events@example.com" });
        Address address = await client.Addresses.CreateAsync(customer.Id, new CreateAddressRequest { Country = "US", City = "New York" });
        await client.Addresses.UpdateAsync(customer.Id, address.Id, new UpdateAddressRequest { City = "San Jose" });
        await client.Customers.ArchiveAsync(customer.Id);

        List<PaddleWebhookEvent> all = await client.Events.ListAsync(new ListEventsOptions { Order = SortOrder.Ascending, PerPage = 1 }).ToListAsync();
        List<PaddleWebhookEvent> newestFirst = await client.Events.ListAsync().ToListAsync();
        List<PaddleWebhookEvent> missed = await client.Events.ListAsync(new ListEventsOptions { After = all[1].EventId, Order = SortOrder.Ascending }).ToListAsync();
        List<PaddleWebhookEvent> addresses = await client.Events.ListAsync(new ListEventsOptions { EventTypes = [PaddleWebhookEventTypes.AddressUpdated] }).ToListAsync();

        Assert.Equal(["customer.created", "address.created", "address.updated", "customer.updated"], all.Select(e => e.EventType));
        Assert.Equal(customer, Assert.IsType<CustomerWebhookEvent>(all[0]).Customer);
        Assert.Equal("San Jose", Assert.IsType<AddressWebhookEvent>(all[2]).Address.City);
        Assert.All(all, e => Assert.Null(e.NotificationId));
        Assert.Equal(all.Select(e => e.EventId).Reverse(), newestFirst.Select(e => e.EventId));
        Assert.Equal(all.Skip(2).Select(e => e.EventId), missed.Select(e => e.EventId));
        Assert.Equal(all[2].EventId, Assert.Single(addresses).EventId);
    }

    [Fact]
    public async Task A_delivered_notification_is_listed_with_its_state_and_replayed_as_a_new_one_of_the_same_event()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        (string settingId, WebhookReceiver receiver) = await Destination(http, TimeProvider.System, "customer.created");
        await using var _ = receiver;
        using CustomerAddressesClient client = TestClients.Create(emulator.BaseAddress, o => o.Dialect = ApiDialect.PaddleBilling);
        await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "replay@example.com" });
        PaddleWebhookEvent first = await receiver.NextAsync();
        await emulator.WaitForWebhooksAsync();

        var (_, list) = await Send(http, HttpMethod.Get, $"notifications?notification_setting_id={settingId}&status=delivered");
        JsonObject notification = Assert.Single(list["data"]!.AsArray())!.AsObject();
        Assert.Equal(["id", "type", "status", "payload", "occurred_at", "delivered_at", "replayed_at", "origin", "last_attempt_at", "retry_at", "times_attempted", "notification_setting_id"], Members(notification));
        Assert.Equal((first.NotificationId, "customer.created", "event", 1), ((string?)notification["id"], (string?)notification["type"], (string?)notification["origin"], (int)notification["times_attempted"]!));
        Assert.Equal(first.EventId, (string?)notification["payload"]!["event_id"]);
        Assert.Equal(first.NotificationId, (string?)notification["payload"]!["notification_id"]);

        var (replayStatus, replayed) = await Send(http, HttpMethod.Post, $"notifications/{first.NotificationId}/replay");
        PaddleWebhookEvent again = await receiver.NextAsync();
        await emulator.WaitForWebhooksAsync();
        string replayId = (string)replayed["data"]!["notification_id"]!;

        Assert.Equal(HttpStatusCode.Accepted, replayStatus);
        Assert.Equal((first.EventId, replayId), (again.EventId, again.NotificationId));
        Assert.NotEqual(first.NotificationId, replayId);
        var (_, replay) = await Send(http, HttpMethod.Get, $"notifications/{replayId}");
        Assert.Equal(("replay", "delivered"), ((string?)replay["data"]!["origin"], (string?)replay["data"]!["status"]));
        Assert.NotNull((await Send(http, HttpMethod.Get, $"notifications/{first.NotificationId}")).Body["data"]!["replayed_at"]);
        var (again400, error) = await Send(http, HttpMethod.Post, $"notifications/{replayId}/replay");
        Assert.Equal((HttpStatusCode.BadRequest, "notification_replay_invalid_origin_type"), (again400, (string?)error["error"]!["code"]));
        Assert.Equal("https://developer.paddle.com/errors/notifications/notification_replay_invalid_origin_type", (string?)error["error"]!["documentation_url"]);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(http, HttpMethod.Post, "notifications/ntf_01h46h1s2zabpkdks7yt4vkgkc/replay")).Status);
    }

    [Fact]
    public async Task A_notification_still_being_retried_reports_needs_retry_and_cannot_be_replayed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { TimeProvider = clock, WebhookRetryDelays = [TimeSpan.FromMinutes(1)] });
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        (_, WebhookReceiver receiver) = await Destination(http, clock, "customer.created");
        await using WebhookReceiver disposed = receiver;
        receiver.FailNext = 2;
        using CustomerAddressesClient client = TestClients.Create(emulator.BaseAddress, o => o.Dialect = ApiDialect.PaddleBilling);
        await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "retrying@example.com" });
        while (emulator.WebhookDeliveries.Count == 0)
        {
            await Task.Delay(10);
        }

        JsonObject retrying = (await Send(http, HttpMethod.Get, "notifications")).Body["data"]![0]!.AsObject();
        string id = (string)retrying["id"]!;
        var (status, error) = await Send(http, HttpMethod.Post, $"notifications/{id}/replay");
        clock.Advance(TimeSpan.FromMinutes(1));
        await emulator.WaitForWebhooksAsync();
        JsonObject failed = (await Send(http, HttpMethod.Get, $"notifications/{id}")).Body["data"]!.AsObject();

        Assert.Equal(("needs_retry", 1), ((string?)retrying["status"], (int)retrying["times_attempted"]!));
        Assert.NotNull(retrying["retry_at"]);
        Assert.Equal((HttpStatusCode.BadRequest, "notification_cannot_replay"), (status, (string?)error["error"]!["code"]));
        Assert.Equal(("failed", 2, null), ((string?)failed["status"], (int)failed["times_attempted"]!, (string?)failed["retry_at"]));
        Assert.Null(failed["delivered_at"]);
    }
}
