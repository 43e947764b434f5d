using System.Text.Json;
using CustomerAddresses.Client.Serialization;
using CustomerAddresses.Client.Webhooks;

namespace CustomerAddresses.Client;

/// <summary>
/// A Paddle event, as a webhook delivers it or the events list returns it: its ids, type and time. Read a webhook with
/// <see cref="PaddleWebhookVerifier.ReadEvent"/>, or list past events with <see cref="EventsClient.ListAsync(ListEventsOptions?, CancellationToken)"/>; then match on <see cref="CustomerWebhookEvent"/>,
/// <see cref="AddressWebhookEvent"/> or <see cref="UnknownWebhookEvent"/>.
/// </summary>
public abstract class PaddleWebhookEvent
{
    /// <summary>Initializes the members every event has.</summary>
    /// <param name="eventId">The event's id (<c>evt_</c>).</param>
    /// <param name="eventType">The event type, such as <c>customer.created</c>.</param>
    /// <param name="occurredAt">When the event happened.</param>
    /// <param name="notificationId">The id of this delivery (<c>ntf_</c>), the same on each retry of it.</param>
    protected PaddleWebhookEvent(string eventId, string eventType, DateTimeOffset occurredAt, string? notificationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        EventId = eventId;
        EventType = eventType;
        OccurredAt = occurredAt;
        NotificationId = notificationId;
    }

    /// <summary>Gets the event's id (<c>evt_</c>): the key to deduplicate on, since a notification can arrive more than once.</summary>
    public string EventId { get; }

    /// <summary>Gets the event type, such as <see cref="PaddleWebhookEventTypes.AddressUpdated"/>.</summary>
    public string EventType { get; }

    /// <summary>Gets when the event happened: order updates by it, since notifications can arrive out of order.</summary>
    public DateTimeOffset OccurredAt { get; }

    /// <summary>Gets the id of the notification (<c>ntf_</c>), if the payload has one: a webhook does, an event from the events list does not.</summary>
    public string? NotificationId { get; }

    /// <summary>Reads a verified body; a body that is not a Paddle event is a <see cref="WebhookVerificationException"/>.</summary>
    internal static PaddleWebhookEvent Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return From(JsonSerializer.Deserialize(body, WebhooksJsonContext.Default.WebhookEnvelope) ?? throw new JsonException("The body is null."));
        }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException or InvalidOperationException)
        {
            throw new WebhookVerificationException(WebhookVerificationFailure.MalformedPayload, $"The webhook is signed, but its body is not a Paddle event: {e.Message}", e);
        }
    }

    /// <summary>
    /// The typed event of an envelope, whether it came as a webhook or in the events list (which has no
    /// <c>notification_id</c>); an envelope that is not a Paddle event is a <see cref="JsonException"/>.
    /// </summary>
    internal static PaddleWebhookEvent From(WebhookEnvelope envelope)
    {
        try
        {
            if (string.IsNullOrEmpty(envelope.EventId) || string.IsNullOrEmpty(envelope.EventType) || envelope.OccurredAt is not { } occurredAt
                || envelope.Data.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("event_id, event_type, occurred_at and an object data are required.");
            }

            return envelope.EventType switch
            {
                PaddleWebhookEventTypes.CustomerCreated or PaddleWebhookEventTypes.CustomerUpdated or PaddleWebhookEventTypes.CustomerImported =>
                    new CustomerWebhookEvent(envelope.EventId, envelope.EventType, occurredAt, envelope.NotificationId,
                        envelope.Data.Deserialize(WebhooksJsonContext.Default.Customer)!),
                PaddleWebhookEventTypes.AddressCreated or PaddleWebhookEventTypes.AddressUpdated or PaddleWebhookEventTypes.AddressImported =>
                    new AddressWebhookEvent(envelope.EventId, envelope.EventType, occurredAt, envelope.NotificationId,
                        envelope.Data.Deserialize(WebhooksJsonContext.Default.Address)!),
                PaddleWebhookEventTypes.BusinessCreated or PaddleWebhookEventTypes.BusinessUpdated or PaddleWebhookEventTypes.BusinessImported =>
                    new BusinessWebhookEvent(envelope.EventId, envelope.EventType, occurredAt, envelope.NotificationId,
                        envelope.Data.Deserialize(WebhooksJsonContext.Default.Business)!),
                PaddleWebhookEventTypes.PaymentMethodSaved or PaddleWebhookEventTypes.PaymentMethodDeleted =>
                    new PaymentMethodWebhookEvent(envelope.EventId, envelope.EventType, occurredAt, envelope.NotificationId,
                        envelope.Data.Deserialize(WebhooksJsonContext.Default.PaymentMethod)!,
                        envelope.Data.TryGetProperty("deletion_reason", out JsonElement reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null),
                _ => new UnknownWebhookEvent(envelope.EventId, envelope.EventType, occurredAt, envelope.NotificationId, envelope.Data),
            };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new JsonException(e.Message, e);
        }
    }
}

/// <summary>A <c>customer.created</c>, <c>customer.updated</c> or <c>customer.imported</c> webhook.</summary>
public sealed class CustomerWebhookEvent : PaddleWebhookEvent
{
    /// <summary>Initializes an instance, for example in a test of a handler.</summary>
    /// <param name="eventId">The event's id (<c>evt_</c>).</param>
    /// <param name="eventType">One of the three customer event types.</param>
    /// <param name="occurredAt">When the event happened.</param>
    /// <param name="notificationId">The notification's id (<c>ntf_</c>), if any.</param>
    /// <param name="customer">The customer as it is after the event.</param>
    public CustomerWebhookEvent(string eventId, string eventType, DateTimeOffset occurredAt, string? notificationId, Customer customer)
        : base(eventId, eventType, occurredAt, notificationId) => Customer = customer ?? throw new ArgumentNullException(nameof(customer));

    /// <summary>Gets the customer as it is after the event.</summary>
    public Customer Customer { get; }
}

/// <summary>An <c>address.created</c>, <c>address.updated</c> or <c>address.imported</c> webhook.</summary>
public sealed class AddressWebhookEvent : PaddleWebhookEvent
{
    /// <summary>Initializes an instance, for example in a test of a handler.</summary>
    /// <param name="eventId">The event's id (<c>evt_</c>).</param>
    /// <param name="eventType">One of the three address event types.</param>
    /// <param name="occurredAt">When the event happened.</param>
    /// <param name="notificationId">The notification's id (<c>ntf_</c>), if any.</param>
    /// <param name="address">The address as it is after the event.</param>
    public AddressWebhookEvent(string eventId, string eventType, DateTimeOffset occurredAt, string? notificationId, Address address)
        : base(eventId, eventType, occurredAt, notificationId) => Address = address ?? throw new ArgumentNullException(nameof(address));

    /// <summary>
    /// Gets the address as it is after the event. Paddle's published examples of these payloads leave out
    /// <c>customer_id</c>; <see cref="Address.CustomerId"/> is then the default value.
    /// </summary>
    public Address Address { get; }
}

/// <summary>A <c>business.created</c>, <c>business.updated</c> or <c>business.imported</c> webhook.</summary>
public sealed class BusinessWebhookEvent : PaddleWebhookEvent
{
    /// <summary>Initializes an instance, for example in a test of a handler.</summary>
    /// <param name="eventId">The event's id (<c>evt_</c>).</param>
    /// <param name="eventType">One of the three business event types.</param>
    /// <param name="occurredAt">When the event happened.</param>
    /// <param name="notificationId">The notification's id (<c>ntf_</c>), if any.</param>
    /// <param name="business">The business as it is after the event.</param>
    public BusinessWebhookEvent(string eventId, string eventType, DateTimeOffset occurredAt, string? notificationId, Business business)
        : base(eventId, eventType, occurredAt, notificationId) => Business = business ?? throw new ArgumentNullException(nameof(business));

    /// <summary>Gets the business as it is after the event.</summary>
    public Business Business { get; }
}

/// <summary>
/// A <c>payment_method.saved</c> or <c>payment_method.deleted</c> webhook. Paddle's notification carries the payment
/// method without its details (no card, no PayPal account): get it with <see cref="PaymentMethodsClient.GetAsync(CustomerId, PaymentMethodId, CancellationToken)"/> while it exists.
/// </summary>
public sealed class PaymentMethodWebhookEvent : PaddleWebhookEvent
{
    /// <summary>Initializes an instance, for example in a test of a handler.</summary>
    /// <param name="eventId">The event's id (<c>evt_</c>).</param>
    /// <param name="eventType">One of the two payment method event types.</param>
    /// <param name="occurredAt">When the event happened.</param>
    /// <param name="notificationId">The notification's id (<c>ntf_</c>), if any.</param>
    /// <param name="paymentMethod">The payment method, as the notification carries it.</param>
    /// <param name="deletionReason">Why it was deleted (<c>api</c>, <c>replaced_by_newer_version</c>), for a <c>payment_method.deleted</c>.</param>
    public PaymentMethodWebhookEvent(string eventId, string eventType, DateTimeOffset occurredAt, string? notificationId, PaymentMethod paymentMethod, string? deletionReason = null)
        : base(eventId, eventType, occurredAt, notificationId)
    {
        PaymentMethod = paymentMethod ?? throw new ArgumentNullException(nameof(paymentMethod));
        DeletionReason = deletionReason;
    }

    /// <summary>Gets the payment method, as the notification carries it (its id, customer, address, kind, origin and times).</summary>
    public PaymentMethod PaymentMethod { get; }

    /// <summary>Gets why it was deleted, as Paddle names it (<c>api</c>, <c>replaced_by_newer_version</c>); <see langword="null"/> for a save.</summary>
    public string? DeletionReason { get; }
}

/// <summary>Any other webhook (a transaction, a subscription, a type added later): kept, with its data as raw JSON, rather than refused.</summary>
public sealed class UnknownWebhookEvent : PaddleWebhookEvent
{
    /// <summary>Initializes an instance.</summary>
    /// <param name="eventId">The event's id (<c>evt_</c>).</param>
    /// <param name="eventType">The event type.</param>
    /// <param name="occurredAt">When the event happened.</param>
    /// <param name="notificationId">The notification's id (<c>ntf_</c>), if any.</param>
    /// <param name="data">The event's <c>data</c> object.</param>
    public UnknownWebhookEvent(string eventId, string eventType, DateTimeOffset occurredAt, string? notificationId, JsonElement data)
        : base(eventId, eventType, occurredAt, notificationId) => Data = data.Clone();

    /// <summary>Gets the event's <c>data</c> object as it arrived.</summary>
    public JsonElement Data { get; }
}
