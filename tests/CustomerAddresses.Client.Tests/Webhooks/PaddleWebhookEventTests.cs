using System.Text;
using System.Text.Json;
using CustomerAddresses.Client.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CustomerAddresses.Client.Tests.Webhooks;

/// <summary>Paddle's own notification payloads of a customer's graph (customers, addresses, businesses, payment methods), signed and read as typed events.</summary>
public sealed class PaddleWebhookEventTests
{
    private static readonly DateTimeOffset s_now = new(2023, 8, 18, 12, 30, 0, TimeSpan.Zero);

    private static PaddleWebhookEvent Read(string body)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        var verifier = new PaddleWebhookVerifier(new PaddleWebhookOptions { SecretKeys = { "pdl_ntfset_test" }, TimeProvider = new FakeTimeProvider(s_now) });
        return verifier.ReadEvent(bytes, PaddleWebhookSigner.Sign(bytes, "pdl_ntfset_test", s_now));
    }

    [Theory]
    [InlineData("customer-created", PaddleWebhookEventTypes.CustomerCreated, "ctm_01h8441jn5pcwrfhwh78jqt8hk", "sam@example.com", null)]
    [InlineData("customer-updated", PaddleWebhookEventTypes.CustomerUpdated, "ctm_01h844p3h41s12zs5mn4axja51", "alex@example.com", null)]
    [InlineData("customer-imported", PaddleWebhookEventTypes.CustomerImported, "ctm_01h8441jn5pcwrfhwh78jqt8hk", "sam@example.com", "billing_platform")]
    public void Customer_events_carry_the_customer(string fixture, string eventType, string customerId, string email, string? importedFrom)
    {
        string body = Fixture.Text($"paddle-webhooks/{fixture}.json");
        var webhook = Assert.IsType<CustomerWebhookEvent>(Read(body));

        using JsonDocument expected = JsonDocument.Parse(body);
        Assert.Equal(eventType, webhook.EventType);
        Assert.Equal(expected.RootElement.GetProperty("event_id").GetString(), webhook.EventId);
        Assert.Equal(expected.RootElement.GetProperty("notification_id").GetString(), webhook.NotificationId);
        Assert.Equal(expected.RootElement.GetProperty("occurred_at").GetDateTimeOffset(), webhook.OccurredAt);
        Assert.Equal(customerId, webhook.Customer.Id.Value);
        Assert.Equal(email, webhook.Customer.Email);
        Assert.Equal("abcd1234", (string?)webhook.Customer.CustomData?["customer_reference_id"]);
        Assert.Equal(importedFrom, webhook.Customer.ImportMeta?.ImportedFrom);
    }

    [Theory]
    [InlineData("address-created", PaddleWebhookEventTypes.AddressCreated, "Head Office", "New York", null)]
    [InlineData("address-updated", PaddleWebhookEventTypes.AddressUpdated, "California Office", "San Jose", null)]
    [InlineData("address-imported", PaddleWebhookEventTypes.AddressImported, "Head Office", "New York", "billing_platform")]
    public void Address_events_carry_the_address(string fixture, string eventType, string description, string city, string? importedFrom)
    {
        var webhook = Assert.IsType<AddressWebhookEvent>(Read(Fixture.Text($"paddle-webhooks/{fixture}.json")));

        Assert.Equal(eventType, webhook.EventType);
        Assert.Equal(description, webhook.Address.Description);
        Assert.Equal(city, webhook.Address.City);
        Assert.Equal(CountryCode.UnitedStates, webhook.Address.Country);
        Assert.Equal(AddressStatus.Active, webhook.Address.Status);
        Assert.Equal(importedFrom, webhook.Address.ImportMeta?.ImportedFrom);
        Assert.Equal(default, webhook.Address.CustomerId); // Paddle's examples of these payloads carry no customer_id
    }

    [Theory]
    [InlineData("business-created", PaddleWebhookEventTypes.BusinessCreated, "Uplift Inc.", 1, null)]
    [InlineData("business-updated", PaddleWebhookEventTypes.BusinessUpdated, "Uplift Inc.", 3, null)]
    [InlineData("business-imported", PaddleWebhookEventTypes.BusinessImported, "HighFly LLC.", 1, "paddle_classic")]
    public void Business_events_carry_the_business(string fixture, string eventType, string name, int contacts, string? importedFrom)
    {
        var webhook = Assert.IsType<BusinessWebhookEvent>(Read(Fixture.Text($"paddle-webhooks/{fixture}.json")));

        Assert.Equal(eventType, webhook.EventType);
        Assert.Equal(BusinessId.Parse("biz_01hv8hkr641vmpwytx38znv56k"), webhook.Business.Id);
        Assert.Equal(CustomerId.Parse("ctm_01hv6y1jedq4p1n0yqn5ba3ky4"), webhook.Business.CustomerId);
        Assert.Equal((name, BusinessStatus.Active, contacts), (webhook.Business.Name, webhook.Business.Status!.Value, webhook.Business.Contacts!.Count));
        Assert.Equal(importedFrom, webhook.Business.ImportMeta?.ImportedFrom);
    }

    [Theory]
    [InlineData("payment-method-saved", PaddleWebhookEventTypes.PaymentMethodSaved, null)]
    [InlineData("payment-method-deleted", PaddleWebhookEventTypes.PaymentMethodDeleted, "api")]
    public void Payment_method_events_carry_the_payment_method_and_why_it_was_deleted(string fixture, string eventType, string? deletionReason)
    {
        var webhook = Assert.IsType<PaymentMethodWebhookEvent>(Read(Fixture.Text($"paddle-webhooks/{fixture}.json")));

        Assert.Equal(eventType, webhook.EventType);
        Assert.Equal(PaymentMethodId.Parse("paymtd_01hs8zx6x377xfsfrt2bqsevbw"), webhook.PaymentMethod.Id);
        Assert.Equal(AddressId.Parse("add_01hv8gq3318ktkfengj2r75gfx"), webhook.PaymentMethod.AddressId);
        Assert.Equal((PaymentMethodType.Card, PaymentMethodOrigin.SavedDuringPurchase), (webhook.PaymentMethod.Type!.Value, webhook.PaymentMethod.Origin!.Value));
        Assert.Null(webhook.PaymentMethod.Card); // the notification carries no details
        Assert.Equal(deletionReason, webhook.DeletionReason);
    }

    [Fact]
    public void Other_event_types_are_kept_with_their_raw_data()
    {
        var webhook = Assert.IsType<UnknownWebhookEvent>(Read(
            """{"event_id":"evt_01","event_type":"transaction.completed","occurred_at":"2024-04-12T10:18:49.621022Z","notification_id":"ntf_01","data":{"id":"txn_01","status":"completed","details":{"totals":{"total":"1000"}}}}"""));

        Assert.Equal("transaction.completed", webhook.EventType);
        Assert.Equal("txn_01", webhook.Data.GetProperty("id").GetString());
        Assert.Equal("1000", webhook.Data.GetProperty("details").GetProperty("totals").GetProperty("total").GetString());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"event_type":"customer.created","occurred_at":"2024-04-12T10:18:49Z","data":{}}""")]
    [InlineData("""{"event_id":"evt_01","event_type":"customer.created","occurred_at":"yesterday","data":{}}""")]
    [InlineData("""{"event_id":"evt_01","event_type":"customer.created","occurred_at":"2024-04-12T10:18:49Z","data":[]}""")]
    [InlineData("""{"event_id":"evt_01","event_type":"customer.created","occurred_at":"2024-04-12T10:18:49Z","data":{"email":"no id"}}""")]
    public void A_signed_body_that_is_not_an_event_is_a_malformed_payload_never_a_raw_json_error(string body)
    {
        var refused = Assert.Throws<WebhookVerificationException>(() => Read(body));

        Assert.Equal(WebhookVerificationFailure.MalformedPayload, refused.Failure);
        Assert.False(refused.IsUnauthenticated);
    }
}
