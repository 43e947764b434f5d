using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CustomerAddresses.Client.Testing;

/// <summary>
/// A customer's saved payment methods, as Paddle's reference defines them (at the root only): list (<c>address_id</c>,
/// <c>supports_checkout</c>, <c>after</c>, <c>order_by</c>, <c>per_page</c>), get, and delete (204, then 404), which raises
/// <c>payment_method.deleted</c>. Paddle saves one only at checkout, which the emulator does not have: a test saves one
/// with <see cref="CustomerAddressesEmulator.SavePaymentMethod"/>, and a program with the emulator's own route
/// <c>POST /emulator/customers/{customer_id}/payment-methods</c> (<c>{"type":"card","address_id":"add_…"}</c>, both
/// optional), which Paddle's SDKs never call. Saving raises <c>payment_method.saved</c>. Cards and PayPal accounts are
/// offered at checkout (<c>supports_checkout=true</c>); the other kinds are not.
/// </summary>
internal sealed class PaymentMethodEndpoints(EmulatorStore customers, IdGenerator ids, EmulatorClock clock)
{
    private static readonly string[] s_types = ["alipay", "apple_pay", "blik", "card", "google_pay", "kakao_pay", "korea_local", "mb_way", "naver_pay", "payco", "paypal", "pix", "samsung_pay", "upi", "wechat_pay"];
    private readonly OwnedEntities _methods = new(customers);

    internal void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/customers/{customer_id}/payment-methods", List);
        routes.MapGet("/customers/{customer_id}/payment-methods/{payment_method_id}", Get);
        routes.MapDelete("/customers/{customer_id}/payment-methods/{payment_method_id}", Delete);
        routes.MapPost("/emulator/customers/{customer_id}/payment-methods", SaveRoute);
    }

    /// <summary>Saves a payment method for a customer, as a checkout would; null when there is no such customer.</summary>
    internal JsonObject? Save(string customerId, string? addressId, string type)
    {
        if (customers.Customer(customerId) is null)
        {
            return null;
        }

        string now = clock.Microseconds();
        string id = ids.Next("paymtd_");
        var method = new JsonObject
        {
            ["customer_id"] = customerId,
            ["address_id"] = addressId ?? customers.Addresses(customerId)?.FirstOrDefault()?.Id,
            ["id"] = id,
            ["type"] = type,
            ["card"] = type == "card"
                ? new JsonObject { ["cardholder_name"] = "Sam Miller", ["type"] = "visa", ["last4"] = "4242", ["expiry_month"] = 5, ["expiry_year"] = clock.Time.GetUtcNow().Year + 2 }
                : null,
            ["paypal"] = type == "paypal" ? new JsonObject { ["email"] = "sam@example.com", ["reference"] = $"B-{id[^8..].ToUpperInvariant()}" } : null,
            ["origin"] = "saved_during_purchase",
            ["saved_at"] = now,
            ["updated_at"] = now,
        };
        _methods.Add(customerId, method);

        customers.Changed?.Invoke("payment_method.saved", Notification(method, deletionReason: null));
        return method.DeepClone().AsObject();
    }

    private static string Route(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;

    /// <summary>The event's data: the payment method without its details, as Paddle's <c>payment_method.*</c> examples show it.</summary>
    private static JsonObject Notification(JsonObject method, string? deletionReason)
    {
        var data = new JsonObject { ["id"] = method["id"]!.DeepClone(), ["customer_id"] = method["customer_id"]!.DeepClone(), ["address_id"] = method["address_id"]?.DeepClone() };
        if (deletionReason is not null)
        {
            data["deletion_reason"] = deletionReason;
        }

        data["type"] = method["type"]!.DeepClone();
        data["origin"] = method["origin"]!.DeepClone();
        data["saved_at"] = method["saved_at"]!.DeepClone();
        data["updated_at"] = method["updated_at"]!.DeepClone();
        return data;
    }

    private async Task SaveRoute(HttpContext context)
    {
        if (await RequestBody.ReadValid(context, body =>
        {
            var problems = new List<(string, string)>();
            RequestChecks.OnlyMembers(body, ["type", "address_id"], problems);
            if (body["type"] is { } type && (type.GetValueKind() != JsonValueKind.String || Array.IndexOf(s_types, (string)type!) < 0))
            {
                problems.Add(("type", $"must be one of {string.Join(", ", s_types)}"));
            }

            RequestChecks.OptionalString(body, "address_id", 50, problems);
            return problems;
        }) is not { } body)
        {
            return;
        }

        string customerId = Route(context, "customer_id");
        await (Save(customerId, (string?)body["address_id"], (string?)body["type"] ?? "card") is { } saved
            ? ApiResponses.Entity(context, 201, saved, EmulatorDialect.Paddle)
            : ApiResponses.NotFound(context, customerId));
    }

    private Task Get(HttpContext context) =>
        _methods.Find(Route(context, "customer_id"), Route(context, "payment_method_id")) is { } method
            ? ApiResponses.Entity(context, 200, method, EmulatorDialect.Paddle)
            : ApiResponses.NotFound(context, Route(context, "payment_method_id"));

    private async Task Delete(HttpContext context)
    {
        JsonObject? deleted = _methods.Remove(Route(context, "customer_id"), Route(context, "payment_method_id"));
        if (deleted is null)
        {
            await ApiResponses.NotFound(context, Route(context, "payment_method_id"));
            return;
        }

        deleted["updated_at"] = clock.Microseconds();
        customers.Changed?.Invoke("payment_method.deleted", Notification(deleted, deletionReason: "api"));
        context.Response.StatusCode = 204;
        context.Response.Headers["Request-Id"] = ApiResponses.RequestId(context);
    }

    private async Task List(HttpContext context)
    {
        IQueryCollection query = context.Request.Query;
        var problems = new List<(string, string)>();
        var paging = ListAnswer.Read(query, offsetPaging: false, problems);
        string? checkout = query["supports_checkout"];
        if (checkout is not (null or "true" or "false"))
        {
            problems.Add(("supports_checkout", "must be true or false"));
        }

        HashSet<string>? addresses = (string?)query["address_id"] is { } list ? [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries)] : null;
        await _methods.ListAsync(context, paging, problems, m =>
            (addresses is null || addresses.Contains((string?)m["address_id"] ?? string.Empty))
            && (checkout is null || ((string)m["type"]! is "card" or "paypal") == (checkout == "true")));
    }
}
