using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client.Webhooks;

/// <summary>The members every Paddle webhook body has; <c>data</c> is read once the type is known.</summary>
internal sealed record WebhookEnvelope(
    [property: JsonPropertyName("event_id")] string? EventId,
    [property: JsonPropertyName("event_type")] string? EventType,
    [property: JsonPropertyName("occurred_at")] DateTimeOffset? OccurredAt,
    [property: JsonPropertyName("notification_id")] string? NotificationId,
    [property: JsonPropertyName("data")] JsonElement Data);
