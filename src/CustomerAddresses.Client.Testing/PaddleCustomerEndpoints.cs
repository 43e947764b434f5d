using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CustomerAddresses.Client.Testing;

/// <summary>
/// The customer operations of Paddle's reference beyond the lifecycle, at the root only: credit balances (set by a test
/// with <see cref="CustomerAddressesEmulator.SetCreditBalance"/>), authentication tokens, and customer portal sessions.
/// </summary>
internal sealed class PaddleCustomerEndpoints(EmulatorStore store, IdGenerator ids, EmulatorClock clock)
{
    /// <summary>How long a generated authentication token is valid (Paddle documents only that tokens are temporary).</summary>
    internal static readonly TimeSpan AuthTokenLifetime = TimeSpan.FromMinutes(30);

    private const string LowerCaseAndDigits = "abcdefghijklmnopqrstuvwxyz0123456789";
    private readonly ConcurrentDictionary<(string CustomerId, string Currency), (string Available, string Reserved, string Used)> _balances = new();

    internal void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/customers/{customer_id}/credit-balances", ListCreditBalances);
        routes.MapPost("/customers/{customer_id}/auth-token", GenerateAuthToken);
        routes.MapPost("/customers/{customer_id}/portal-sessions", CreatePortalSession);
    }

    internal void SetCreditBalance(string customerId, string currencyCode, string available, string reserved, string used) =>
        _balances[(customerId, currencyCode)] = (available, reserved, used);

    private static string CustomerId(HttpContext context) => (string)context.Request.RouteValues["customer_id"]!;

    /// <summary>Every balance at once, one per currency, in currency order; an empty list for a customer without credit.</summary>
    private async Task ListCreditBalances(HttpContext context)
    {
        string customerId = CustomerId(context);
        string[]? currencies = ((string?)context.Request.Query["currency_code"])?.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (currencies?.FirstOrDefault(c => !PaddleCountries.IsSupportedCurrency(c)) is { } unknown)
        {
            await ApiResponses.InvalidFields(context, [("currency_code", $"{unknown} is not a currency code Paddle supports")]);
            return;
        }

        if (store.Customer(customerId) is null)
        {
            await ApiResponses.NotFound(context, customerId);
            return;
        }

        var data = new JsonArray();
        foreach (var entry in _balances.Where(b => b.Key.CustomerId == customerId && (currencies is null || currencies.Contains(b.Key.Currency))).OrderBy(b => b.Key.Currency, StringComparer.Ordinal))
        {
            data.Add(new JsonObject
            {
                ["customer_id"] = customerId,
                ["currency_code"] = entry.Key.Currency,
                ["balance"] = new JsonObject { ["available"] = entry.Value.Available, ["reserved"] = entry.Value.Reserved, ["used"] = entry.Value.Used },
            });
        }

        await ApiResponses.Data(context, 200, data);
    }

    /// <summary>200 (not 201), as Paddle's reference says: <c>pca_</c>, two ids and a random part, as Paddle's example shows.</summary>
    private async Task GenerateAuthToken(HttpContext context)
    {
        string customerId = CustomerId(context);
        if (!await RequestBody.ReadNone(context))
        {
            return;
        }

        if (store.Customer(customerId) is null)
        {
            await ApiResponses.NotFound(context, customerId);
            return;
        }

        string token = $"pca_{ids.Next(string.Empty)}_{customerId["ctm_".Length..]}_{RandomNumberGenerator.GetString(LowerCaseAndDigits, 32)}";
        await ApiResponses.Data(context, 200, new JsonObject
        {
            ["customer_auth_token"] = token,
            ["expires_at"] = clock.Milliseconds(clock.Time.GetUtcNow() + AuthTokenLifetime),
        });
    }

    /// <summary>201 with links to the portal: an overview, and cancel and update-payment-method links per subscription given.</summary>
    private async Task CreatePortalSession(HttpContext context)
    {
        string customerId = CustomerId(context);
        JsonObject? body = await RequestBody.ReadValid(context, static b =>
        {
            var problems = new List<(string, string)>();
            RequestChecks.OnlyMembers(b, ["subscription_ids"], problems);
            if (b["subscription_ids"] is { } list && (list is not JsonArray items || items.Any(i => i?.GetValueKind() != JsonValueKind.String || !IsSubscriptionId((string)i!))))
            {
                problems.Add(("subscription_ids", "must be an array of subscription ids (sub_ and 26 lower-case letters and digits)"));
            }

            return problems;
        });
        if (body is null)
        {
            return;
        }

        if (store.Customer(customerId) is null)
        {
            await ApiResponses.NotFound(context, customerId);
            return;
        }

        string portal = $"https://customer-portal.paddle.com/cpl_{ids.Next(string.Empty)}";
        string token = "pga_" + RandomNumberGenerator.GetString(LowerCaseAndDigits, 40);
        var subscriptions = new JsonArray();
        foreach (JsonNode? item in (body["subscription_ids"] as JsonArray) ?? [])
        {
            string subscription = (string)item!;
            subscriptions.Add(new JsonObject
            {
                ["id"] = subscription,
                ["cancel_subscription"] = $"{portal}?action=cancel_subscription&subscription_id={subscription}&token={token}",
                ["update_subscription_payment_method"] = $"{portal}?action=update_subscription_payment_method&subscription_id={subscription}&token={token}",
            });
        }

        await ApiResponses.Data(context, 201, new JsonObject
        {
            ["id"] = ids.Next("cpls_"),
            ["customer_id"] = customerId,
            ["urls"] = new JsonObject { ["general"] = new JsonObject { ["overview"] = $"{portal}?action=overview&token={token}" }, ["subscriptions"] = subscriptions },
            ["created_at"] = clock.Seconds(),
        });
    }

    private static bool IsSubscriptionId(string id) =>
        id.Length == 30 && id.StartsWith("sub_", StringComparison.Ordinal) && id.AsSpan(4).IndexOfAnyExcept(LowerCaseAndDigits) < 0;
}
