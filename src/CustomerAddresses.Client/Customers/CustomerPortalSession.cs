using System.Globalization;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client;

/// <summary>
/// A customer portal session (Paddle): links that sign the customer in to Paddle's customer portal, from
/// <see cref="CustomersClient.CreatePortalSessionAsync(CustomerId, IReadOnlyList{string}?, CancellationToken)"/>. The links
/// carry a token, so <see cref="ToString"/> never writes them; sessions are temporary and should not be cached.
/// </summary>
public sealed record CustomerPortalSession
{
    /// <summary>Gets the session's id, prefixed with <c>cpls_</c>.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the customer the session is for.</summary>
    [JsonPropertyName("customer_id")]
    public CustomerId? CustomerId { get; init; }

    /// <summary>Gets the authenticated links.</summary>
    [JsonPropertyName("urls")]
    public CustomerPortalUrls? Urls { get; init; }

    /// <summary>Gets when the session was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Writes the members that carry no credential.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Id = {Id}, CustomerId = {CustomerId}, CreatedAt = {CreatedAt:O}, Subscriptions = {Urls?.Subscriptions?.Count ?? 0}, (links not shown)");
        return true;
    }
}

/// <summary>The authenticated links of a <see cref="CustomerPortalSession"/>.</summary>
public sealed record CustomerPortalUrls
{
    /// <summary>Gets the links that are not about one subscription.</summary>
    [JsonPropertyName("general")]
    public CustomerPortalGeneralUrls? General { get; init; }

    /// <summary>Gets the links for each subscription the session was created for; empty when none was given.</summary>
    [JsonPropertyName("subscriptions")]
    public IReadOnlyList<CustomerPortalSubscriptionUrls>? Subscriptions { get; init; }

    /// <summary>Writes no link: each carries a token.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Subscriptions = {Subscriptions?.Count ?? 0}, (links not shown)");
        return true;
    }
}

/// <summary>The general links of a customer portal session.</summary>
public sealed record CustomerPortalGeneralUrls
{
    /// <summary>Gets the link to the portal's overview page, signed in.</summary>
    [JsonPropertyName("overview")]
    public Uri? Overview { get; init; }

    /// <summary>Writes no link: it carries a token.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("(link not shown)");
        return true;
    }
}

/// <summary>The links of a customer portal session for one subscription.</summary>
public sealed record CustomerPortalSubscriptionUrls
{
    /// <summary>Gets the subscription's id (<c>sub_</c>).</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the link that cancels the subscription, signed in.</summary>
    [JsonPropertyName("cancel_subscription")]
    public Uri? CancelSubscription { get; init; }

    /// <summary>Gets the link that updates the subscription's payment method, signed in.</summary>
    [JsonPropertyName("update_subscription_payment_method")]
    public Uri? UpdateSubscriptionPaymentMethod { get; init; }

    /// <summary>Writes the id only: the links carry a token.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Id = {Id}, (links not shown)");
        return true;
    }
}
