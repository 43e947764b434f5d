using System.Text.Json.Nodes;

namespace CustomerAddresses.Client.Testing;

/// <summary>
/// The event types Paddle sends notifications for (the names of Paddle's Node SDK, version 1 of the API), each with the
/// description and group Paddle's reference gives it. A notification setting subscribes to names; Paddle answers with
/// these objects.
/// </summary>
internal static class EventTypes
{
    /// <summary>The customer and address events the emulator raises.</summary>
    internal static readonly string[] CustomerAndAddress = ["customer.created", "customer.updated", "customer.imported", "address.created", "address.updated", "address.imported"];

    /// <summary>Every event of a customer's graph the emulator raises: its customers, addresses, businesses and saved payment methods.</summary>
    internal static readonly string[] CustomerGraph = [.. CustomerAndAddress, "business.created", "business.updated", "business.imported", "payment_method.saved", "payment_method.deleted"];

    // Paddle's own wording where its reference shows one (its notification setting examples), including "a address".
    private static readonly Dictionary<string, string> s_descriptions = new(StringComparer.Ordinal)
    {
        ["customer.created"] = "Occurs when a customer is created.",
        ["customer.imported"] = "Occurs when a customer is imported.",
        ["customer.updated"] = "Occurs when a customer is updated.",
        ["address.created"] = "Occurs when an address is created.",
        ["address.imported"] = "Occurs when a address is imported.",
        ["address.updated"] = "Occurs when an address is updated.",
        ["business.created"] = "Occurs when a business is created.",
        ["business.imported"] = "Occurs when a business is imported.",
        ["business.updated"] = "Occurs when a business is updated.",
        ["transaction.payment_failed"] = "Occurs when a payment fails for a transaction.",
        ["transaction.past_due"] = "Occurs when a transaction becomes past due.",
        ["payment_method.saved"] = "Occurs when a customer saves a payment method.",
        ["payment_method.deleted"] = "Occurs when a customer deletes a payment method.",
        ["subscription.trialing"] = "Occurs when a subscription is trialing.",
        ["subscription.past_due"] = "Occurs when a subscription is past due.",
    };

    private static readonly string[] s_names =
    [
        "address.created", "address.imported", "address.updated", "adjustment.created", "adjustment.updated",
        "api_key.created", "api_key.expired", "api_key.expiring", "api_key.revoked", "api_key.updated", "api_key_exposure.created",
        "business.created", "business.imported", "business.updated", "client_token.created", "client_token.revoked", "client_token.updated",
        "customer.created", "customer.imported", "customer.updated", "discount.created", "discount.imported", "discount.updated",
        "discount_group.created", "discount_group.updated", "payment_method.deleted", "payment_method.saved", "payout.created", "payout.paid",
        "price.created", "price.imported", "price.updated", "product.created", "product.imported", "product.updated",
        "report.created", "report.updated", "subscription.activated", "subscription.canceled", "subscription.created",
        "subscription.imported", "subscription.past_due", "subscription.paused", "subscription.resumed", "subscription.trialing",
        "subscription.updated", "transaction.billed", "transaction.canceled", "transaction.completed", "transaction.created",
        "transaction.paid", "transaction.past_due", "transaction.payment_failed", "transaction.ready", "transaction.revised",
        "transaction.updated",
    ];

    private static readonly HashSet<string> s_known = new(s_names, StringComparer.Ordinal);

    internal static bool IsKnown(string name) => s_known.Contains(name);

    /// <summary>The event type object Paddle answers with: name, description, group, available versions.</summary>
    internal static JsonObject Describe(string name)
    {
        int dot = name.IndexOf('.', StringComparison.Ordinal);
        string entity = name[..dot];
        string group = string.Concat(entity.Split('_').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
        string description = s_descriptions.TryGetValue(name, out string? known)
            ? known
            : $"Occurs when {(IsVowel(entity[0]) ? "an" : "a")} {entity.Replace('_', ' ')} is {name[(dot + 1)..].Replace('_', ' ')}.";
        return new JsonObject
        {
            ["name"] = name,
            ["description"] = description,
            ["group"] = group,
            ["available_versions"] = new JsonArray(1),
        };
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
