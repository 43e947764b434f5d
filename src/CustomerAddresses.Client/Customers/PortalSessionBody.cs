using System.Text.Json.Serialization;

namespace CustomerAddresses.Client.Customers;

/// <summary>Paddle's <c>customer-portal-session-create</c> body: the subscriptions to make links for, an empty list for none, as Paddle's SDKs send it.</summary>
internal sealed record PortalSessionBody([property: JsonPropertyName("subscription_ids")] IReadOnlyList<string> SubscriptionIds);
