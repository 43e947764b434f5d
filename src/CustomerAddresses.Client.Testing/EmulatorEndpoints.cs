using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CustomerAddresses.Client.Testing;

/// <summary>The customer and address endpoints, implemented on the in-memory store.</summary>
internal static class EmulatorEndpoints
{
    internal static void Map(IEndpointRouteBuilder app, EmulatorStore paddle, EmulatorStore apiV1, CustomerAddressesEmulatorOptions options)
    {
        MapDialect(app, paddle, options, EmulatorDialect.Paddle);
        MapDialect(app.MapGroup("/api/v1"), apiV1, options, EmulatorDialect.ApiV1);
        app.MapFallback(Fallback);
    }

    /// <summary>
    /// A known path with a method it does not take answers 405 with <c>Allow</c>, as Paddle does (in Paddle's error
    /// body; the billing paths, on Wacht's server, with an empty one); any other path 404 <c>not_found</c>.
    /// </summary>
    private static Task Fallback(HttpContext context)
    {
        string[] segments = (context.Request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        ReadOnlySpan<string> path = segments is ["api", "v1", ..] ? segments.AsSpan(2) : segments;
        string? allow = path switch
        {
            ["customers"] or ["customers", _, "addresses"] => "GET, POST",
            ["customers", _] or ["customers", _, "addresses", _] => "GET, PATCH",
            ["customers", _, "businesses"] when path.Length == segments.Length => "GET, POST",
            ["customers", _, "payment-methods"] when path.Length == segments.Length => "GET",
            ["customers", _, "payment-methods", _] when path.Length == segments.Length => "GET, DELETE",
            ["customers", _, "businesses", _] when path.Length == segments.Length => "GET, PATCH",
            ["customers", _, "credit-balances"] or ["events"] or ["notifications"] or ["notifications", _] when path.Length == segments.Length => "GET",
            ["customers", _, "auth-token" or "portal-sessions"] or ["notifications", _, "replay"] when path.Length == segments.Length => "POST",
            ["notification-settings"] when path.Length == segments.Length => "GET, POST",
            ["notification-settings", _] when path.Length == segments.Length => "GET, PATCH, DELETE",
            ["organizations", _, "billing-addresses"] when path.Length == segments.Length => "GET, POST",
            ["organizations", _, "billing-addresses", _] when path.Length == segments.Length => "PUT, DELETE",
            _ => null,
        };
        if (allow is null)
        {
            return ApiResponses.Error(context, 404, "request_error", "not_found", $"Entity {context.Request.Path} not found");
        }

        context.Response.Headers.Allow = allow;
        if (segments is ["organizations", ..])
        {
            context.Response.StatusCode = 405;
            return Task.CompletedTask;
        }

        return ApiResponses.Error(context, 405, "request_error", "method_not_allowed", $"Method {context.Request.Method} is not allowed; this path takes {allow}.");
    }

    private static void MapDialect(IEndpointRouteBuilder routes, EmulatorStore store, CustomerAddressesEmulatorOptions options, EmulatorDialect dialect)
    {
        routes.MapPost("/customers", context => CreateCustomer(context, store, dialect));
        routes.MapPost("/customers/{customer_id}/addresses", context => CreateAddress(context, store, dialect));
        routes.MapGet("/customers/{customer_id}/addresses", context => ListAddresses(context, store, options, dialect));
        LifecycleEndpoints.Map(routes, store, dialect);
    }

    private static async Task CreateCustomer(HttpContext context, EmulatorStore store, EmulatorDialect dialect)
    {
        if (await RequestBody.ReadValid(context, body => RequestChecks.Customer(body, dialect)) is not { } body)
        {
            return;
        }

        (JsonObject? created, string? existingId) = store.CreateCustomer(body);
        if (created is null)
        {
            await ApiResponses.Error(context, 409, "request_error", "customer_already_exists", $"customer email conflicts with customer of id {existingId}");
            return;
        }

        await ApiResponses.Entity(context, 201, created, dialect);
    }

    private static async Task CreateAddress(HttpContext context, EmulatorStore store, EmulatorDialect dialect)
    {
        string customerId = (string)context.Request.RouteValues["customer_id"]!;
        if (await RequestBody.ReadValid(context, body => RequestChecks.Address(body, dialect)) is not { } body)
        {
            return;
        }

        if (store.CreateAddress(customerId, body) is not { } address)
        {
            await ApiResponses.NotFound(context, customerId);
            return;
        }

        await ApiResponses.Entity(context, 201, Shaped(address, dialect), dialect);
    }

    private static readonly string[] s_apiV1AddressMembers = ["id", "customer_id", "description", "region", "city", "country_code", "custom_data", "status", "created_at", "updated_at"];

    /// <summary>
    /// An address as the dialect writes it: Paddle's every member, or the members of seed 000 (<c>country</c>, not
    /// <c>country_code</c>) and the <c>status</c> that archiving sets.
    /// </summary>
    internal static JsonObject Shaped(JsonObject address, EmulatorDialect dialect)
    {
        if (dialect == EmulatorDialect.Paddle)
        {
            return address;
        }

        var shaped = new JsonObject();
        foreach (string member in s_apiV1AddressMembers)
        {
            shaped[member == "country_code" ? "country" : member] = address[member]?.DeepClone();
        }

        return shaped;
    }

    private static async Task ListAddresses(HttpContext context, EmulatorStore store, CustomerAddressesEmulatorOptions options, EmulatorDialect dialect)
    {
        string customerId = (string)context.Request.RouteValues["customer_id"]!;
        IQueryCollection query = context.Request.Query;
        var problems = new List<(string, string)>();

        bool offsetPaging = options.OffsetPaging || dialect == EmulatorDialect.ApiV1;
        var paging = ListAnswer.Read(query, offsetPaging, problems);
        string[] statuses = Statuses(query, problems);
        string? search = query["search"];
        if (search is { Length: > 100 })
        {
            problems.Add(("search", "must be at most 100 characters"));
        }

        HashSet<string>? ids = (string?)query["id"] is { } idList ? [.. idList.Split(',', StringSplitOptions.RemoveEmptyEntries)] : null;
        if (problems.Count > 0)
        {
            await ApiResponses.InvalidFields(context, problems);
            return;
        }

        if (store.Addresses(customerId) is not { } all)
        {
            await ApiResponses.NotFound(context, customerId);
            return;
        }

        List<JsonObject> ordered = paging.Ordered(all
            .Where(a => statuses.Contains(a.Status) && (ids is null || ids.Contains(a.Id)) && (search is null || a.SearchText.Contains(search, StringComparison.OrdinalIgnoreCase)))
            .Select(a => a.Json));
        await (offsetPaging
            ? paging.WriteOffsetAsync(context, ordered, "addresses", OffsetShape, customerId)
            : paging.WriteCursorAsync(context, ordered));
    }

    /// <summary>The <c>status</c> filter: a comma-separated list of <c>active</c> and <c>archived</c>, <c>active</c> when absent.</summary>
    internal static string[] Statuses(IQueryCollection query, List<(string, string)> problems)
    {
        string[] statuses = ((string?)query["status"] ?? "active").Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (statuses.Length == 0 || statuses.Any(s => s is not ("active" or "archived")))
        {
            problems.Add(("status", "must be a comma-separated list of active and archived"));
        }

        return statuses;
    }

    internal static bool Problem(List<(string, string)> problems, string field, string message)
    {
        problems.Add((field, message));
        return false;
    }

    internal static int Number(IQueryCollection query, string name, int fallback, int min, List<(string, string)> problems)
    {
        if ((string?)query[name] is not { } text)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min)
        {
            problems.Add((name, $"must be a whole number of at least {min}"));
            return fallback;
        }

        return value;
    }

    /// <summary>Seed 001's item shape: no <c>customer_id</c>, and <c>country</c> rather than <c>country_code</c>.</summary>
    private static JsonObject OffsetShape(JsonObject item)
    {
        JsonObject shaped = Shaped(item, EmulatorDialect.ApiV1);
        shaped.Remove("customer_id");
        return shaped;
    }

    /// <summary>
    /// The same request with <c>after</c> set, and <c>per_page</c> as clamped: always present, even on the last page, as
    /// Paddle does.
    /// </summary>
    internal static string NextLink(HttpRequest request, string? after, int perPage)
    {
        var query = new StringBuilder();
        foreach ((string key, Microsoft.Extensions.Primitives.StringValues values) in request.Query)
        {
            if (key == "after")
            {
                continue;
            }

            if (key == "per_page")
            {
                query.Append(query.Length == 0 ? '?' : '&').Append("per_page=").Append(perPage.ToString(CultureInfo.InvariantCulture));
                continue;
            }

            foreach (string? value in values)
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value ?? string.Empty));
            }
        }

        if (after is not null)
        {
            query.Append(query.Length == 0 ? '?' : '&').Append("after=").Append(Uri.EscapeDataString(after));
        }

        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{query}";
    }
}
