using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CustomerAddresses.Emulator;

/// <summary>The customer and address endpoints, implemented on the in-memory store.</summary>
internal static class EmulatorEndpoints
{
    internal static void Map(IEndpointRouteBuilder app, EmulatorStore paddle, EmulatorStore apiV1, CustomerAddressesEmulatorOptions options)
    {
        MapDialect(app, paddle, options, EmulatorDialect.Paddle);
        MapDialect(app.MapGroup("/api/v1"), apiV1, options, EmulatorDialect.ApiV1);
        app.MapFallback(context => ApiResponses.Error(context, 404, "request_error", "not_found", $"No route for {context.Request.Method} {context.Request.Path}."));
    }

    private static void MapDialect(IEndpointRouteBuilder routes, EmulatorStore store, CustomerAddressesEmulatorOptions options, EmulatorDialect dialect)
    {
        routes.MapPost("/customers", context => CreateCustomer(context, store, dialect));
        routes.MapPost("/customers/{customer_id}/addresses", context => CreateAddress(context, store, dialect));
        routes.MapGet("/customers/{customer_id}/addresses", context => ListAddresses(context, store, options, dialect));
        LifecycleEndpoints.Map(routes, store, options, dialect);
    }

    internal static async Task<JsonObject?> ReadObject(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The body of a Paddle-style create, or null once a 400 (bad JSON or invalid fields) has been answered.</summary>
    internal static async Task<JsonObject?> ReadValid(HttpContext context, Func<JsonObject, List<(string, string)>> check)
    {
        if (await ReadObject(context) is not { } body)
        {
            await ApiResponses.Error(context, 400, "request_error", "invalid_json", "The request body is not a JSON object.");
            return null;
        }

        List<(string, string)> problems = check(body);
        if (problems.Count > 0)
        {
            await ApiResponses.InvalidFields(context, problems);
            return null;
        }

        return body;
    }

    private static async Task CreateCustomer(HttpContext context, EmulatorStore store, EmulatorDialect dialect)
    {
        if (await ReadValid(context, body => RequestChecks.Customer(body, dialect)) is not { } body)
        {
            return;
        }

        (JsonObject? created, string? existingId) = store.CreateCustomer(body);
        if (created is null)
        {
            await ApiResponses.Error(context, 409, "request_error", "customer_already_exists", $"customer email conflicts with customer of id {existingId}");
            return;
        }

        await ApiResponses.Data(context, 201, created);
    }

    private static async Task CreateAddress(HttpContext context, EmulatorStore store, EmulatorDialect dialect)
    {
        string customerId = (string)context.Request.RouteValues["customer_id"]!;
        if (await ReadValid(context, body => RequestChecks.Address(body, dialect)) is not { } body)
        {
            return;
        }

        if (store.CreateAddress(customerId, body) is not { } address)
        {
            await ApiResponses.Error(context, 404, "request_error", "not_found", $"Customer {customerId} not found.");
            return;
        }

        await ApiResponses.Data(context, 201, Shaped(address, dialect));
    }

    /// <summary>An address as the dialect writes it: the /api/v1 API names the country <c>country</c> (seed 000).</summary>
    internal static JsonObject Shaped(JsonObject address, EmulatorDialect dialect)
    {
        if (dialect == EmulatorDialect.ApiV1)
        {
            address["country"] = address["country_code"]?.DeepClone();
            address.Remove("country_code");
        }

        return address;
    }

    private static async Task ListAddresses(HttpContext context, EmulatorStore store, CustomerAddressesEmulatorOptions options, EmulatorDialect dialect)
    {
        string customerId = (string)context.Request.RouteValues["customer_id"]!;
        IQueryCollection query = context.Request.Query;
        var problems = new List<(string, string)>();

        bool offsetPaging = options.OffsetPaging || dialect == EmulatorDialect.ApiV1;
        var paging = ListAnswer.Read(query, offsetPaging, problems);
        string[] statuses = ((string?)query["status"] ?? "active").Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (statuses.Length == 0 || statuses.Any(s => s is not ("active" or "archived")))
        {
            problems.Add(("status", "must be a comma-separated list of active and archived"));
        }

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
            await ApiResponses.Error(context, 404, "request_error", "not_found", $"Customer {customerId} not found.");
            return;
        }

        List<JsonObject> ordered = paging.Ordered(all
            .Where(a => statuses.Contains(a.Status) && (ids is null || ids.Contains(a.Id)) && (search is null || a.SearchText.Contains(search, StringComparison.OrdinalIgnoreCase)))
            .Select(a => a.Json));
        await (offsetPaging
            ? paging.WriteOffsetAsync(context, ordered, "addresses", OffsetShape, customerId)
            : paging.WriteCursorAsync(context, ordered));
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
        item.Remove("customer_id");
        return Shaped(item, EmulatorDialect.ApiV1);
    }

    /// <summary>The same request with <c>after</c> set: always present, even on the last page, as Paddle does.</summary>
    internal static string NextLink(HttpRequest request, string? after)
    {
        var query = new StringBuilder();
        foreach ((string key, Microsoft.Extensions.Primitives.StringValues values) in request.Query)
        {
            if (key == "after")
            {
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
