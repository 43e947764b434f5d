using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace CustomerAddresses.Client.Testing;

/// <summary>
/// A notification setting (a notification destination), as Paddle stores it: where to send, which events, whether
/// active, and the secret key its deliveries are signed with. Mutated only under the <see cref="NotificationCenter"/>'s lock.
/// </summary>
internal sealed class NotificationSetting
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    internal NotificationSetting(string id, string? secretKey)
    {
        Id = id;

        // As Paddle's: pdl_ntfset_, the setting's id without its prefix, and 32 random letters and digits.
        SecretKey = secretKey ?? $"pdl_{id}_{RandomNumberGenerator.GetString(Alphanumerics, 32)}";
    }

    internal string Id { get; }

    internal string SecretKey { get; }

    internal string Description { get; set; } = string.Empty;

    internal string Type { get; set; } = "url";

    internal string Destination { get; set; } = string.Empty;

    internal bool Active { get; set; } = true;

    internal int ApiVersion { get; set; } = 1;

    internal bool IncludeSensitiveFields { get; set; }

    internal string TrafficSource { get; set; } = "platform";

    internal List<string> SubscribedEvents { get; set; } = [];

    /// <summary>Whether an event of this type, raised by the platform (not a simulation), is delivered here now.</summary>
    internal bool Receives(string eventType) =>
        Active && Type == "url" && TrafficSource is "platform" or "all" && SubscribedEvents.Contains(eventType, StringComparer.Ordinal);

    /// <summary>Applies a validated create or update body.</summary>
    internal void Apply(JsonObject body)
    {
        foreach ((string key, JsonNode? value) in body)
        {
            switch (key)
            {
                case "description": Description = (string)value!; break;
                case "type": Type = (string)value!; break;
                case "destination": Destination = (string)value!; break;
                case "active": Active = (bool)value!; break;
                case "api_version": ApiVersion = (int)value!; break;
                case "include_sensitive_fields": IncludeSensitiveFields = (bool)value!; break;
                case "traffic_source": TrafficSource = (string)value!; break;
                case "subscribed_events": SubscribedEvents = [.. ((JsonArray)value!).Select(e => (string)e!).Distinct(StringComparer.Ordinal)]; break;
            }
        }
    }

    /// <summary>The entity Paddle answers with: every member, each subscribed event as its full event type object.</summary>
    internal JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["description"] = Description,
        ["type"] = Type,
        ["destination"] = Destination,
        ["active"] = Active,
        ["api_version"] = ApiVersion,
        ["include_sensitive_fields"] = IncludeSensitiveFields,
        ["traffic_source"] = TrafficSource,
        ["subscribed_events"] = new JsonArray([.. SubscribedEvents.Select(name => (JsonNode)EventTypes.Describe(name))]),
        ["endpoint_secret_key"] = SecretKey,
    };
}
