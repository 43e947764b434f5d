using System.Text.Json.Nodes;

namespace CustomerAddresses.Client.Testing;

/// <summary>
/// A notification: one event for one notification setting, with its delivery state as Paddle reports it
/// (<c>not_attempted</c>, <c>needs_retry</c>, <c>delivered</c>, <c>failed</c>). Mutated only under the
/// <see cref="NotificationCenter"/>'s lock.
/// </summary>
internal sealed class Notification(string id, string settingId, JsonObject payload, string origin)
{
    internal string Id { get; } = id;

    internal string SettingId { get; } = settingId;

    /// <summary>The body every attempt sends: the event, with this notification's id.</summary>
    internal JsonObject Payload { get; } = payload;

    internal string Origin { get; } = origin;

    internal string EventType => (string)Payload["event_type"]!;

    internal string Status { get; set; } = "not_attempted";

    internal string? DeliveredAt { get; set; }

    internal string? ReplayedAt { get; set; }

    internal string? LastAttemptAt { get; set; }

    internal string? RetryAt { get; set; }

    internal int TimesAttempted { get; set; }

    /// <summary>Whether it has ended, delivered or failed: only then can it be replayed.</summary>
    internal bool HasEnded => Status is "delivered" or "failed";

    internal JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["type"] = EventType,
        ["status"] = Status,
        ["payload"] = Payload.DeepClone(),
        ["occurred_at"] = Payload["occurred_at"]?.DeepClone(),
        ["delivered_at"] = DeliveredAt,
        ["replayed_at"] = ReplayedAt,
        ["origin"] = Origin,
        ["last_attempt_at"] = LastAttemptAt,
        ["retry_at"] = RetryAt,
        ["times_attempted"] = TimesAttempted,
        ["notification_setting_id"] = SettingId,
    };
}
