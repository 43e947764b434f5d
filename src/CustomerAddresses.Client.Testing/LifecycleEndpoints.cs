using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CustomerAddresses.Client.Testing;

/// <summary>
/// The rest of the customer and address lifecycle: get, list and update customers, get and update addresses. Archiving
/// is an update of the status (there is no delete). An update member set to null is cleared; a member the dialect does
/// not define is a 400 <c>invalid_field</c>.
/// </summary>
internal static class LifecycleEndpoints
{
    private static readonly string[] s_paddleCustomerMembers = ["name", "email", "locale", "custom_data", "status"];
    private static readonly string[] s_apiV1CustomerMembers = ["name", "email", "phone", "address", "payment_method", "custom_data", "status"];
    private static readonly string[] s_paddleAddressMembers = ["description", "first_line", "second_line", "city", "postal_code", "region", "country_code", "custom_data", "status"];
    private static readonly string[] s_apiV1AddressMembers = ["description", "city", "region", "country", "custom_data", "status"];

    internal static void Map(IEndpointRouteBuilder routes, EmulatorStore store, EmulatorDialect dialect)
    {
        routes.MapGet("/customers", context => ListCustomers(context, store, dialect));
        routes.MapGet("/customers/{customer_id}", context => store.Customer(Route(context, "customer_id")) is { } customer
            ? ApiResponses.Entity(context, 200, customer, dialect)
            : ApiResponses.NotFound(context, Route(context, "customer_id")));
        routes.MapMethods("/customers/{customer_id}", ["PATCH"], context => UpdateCustomer(context, store, dialect));
        routes.MapGet("/customers/{customer_id}/addresses/{address_id}", context => store.Address(Route(context, "customer_id"), Route(context, "address_id")) is { } address
            ? ApiResponses.Entity(context, 200, EmulatorEndpoints.Shaped(address, dialect), dialect)
            : ApiResponses.NotFound(context, Route(context, "address_id")));
        routes.MapMethods("/customers/{customer_id}/addresses/{address_id}", ["PATCH"], context => UpdateAddress(context, store, dialect));
    }

    private static string Route(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;

    private static List<(string, string)> Patch(JsonObject body, string[] members, Func<string, JsonNode?, string?> check)
    {
        var problems = new List<(string, string)>();
        RequestChecks.OnlyMembers(body, members, problems);
        foreach ((string key, JsonNode? value) in body)
        {
            if (Array.IndexOf(members, key) >= 0 && check(key, value) is { } problem)
            {
                problems.Add((key, problem));
            }
        }

        return problems;
    }

    private static string? StringOrNull(JsonNode? value) =>
        value is null || value.GetValueKind() == JsonValueKind.String ? null : "must be a string or null";

    private static string? Status(JsonNode? value, EmulatorDialect dialect) =>
        value?.GetValueKind() == JsonValueKind.String && ((string)value! is "active" or "archived" || (dialect == EmulatorDialect.ApiV1 && (string)value! is "inactive" or "suspended"))
            ? null
            : dialect == EmulatorDialect.Paddle ? "must be active or archived" : "must be active, inactive, suspended or archived";

    private static async Task UpdateCustomer(HttpContext context, EmulatorStore store, EmulatorDialect dialect)
    {
        JsonObject? body = await RequestBody.ReadValid(context, b => Patch(b, dialect == EmulatorDialect.Paddle ? s_paddleCustomerMembers : s_apiV1CustomerMembers, (key, value) => key switch
        {
            "email" => value?.GetValueKind() == JsonValueKind.String && EmailAndLocale.IsEmail((string)value!) ? null : EmailAndLocale.EmailProblem,
            "custom_data" => value is null || value.GetValueKind() == JsonValueKind.Object ? null : "must be an object or null",
            "address" => value is null || value is JsonObject a && a["country"]?.GetValueKind() == JsonValueKind.String ? null : "must be an object with a country, or null",
            "locale" => RequestChecks.LocaleProblem(value),
            "status" => Status(value, dialect),
            _ => StringOrNull(value),
        }));
        if (body is null)
        {
            return;
        }

        string customerId = Route(context, "customer_id");
        (JsonObject? updated, string? existing) = store.UpdateCustomer(customerId, body);
        await (updated is not null
            ? ApiResponses.Entity(context, 200, updated, dialect)
            : existing is not null
                ? ApiResponses.Error(context, 409, "request_error", "customer_already_exists", $"customer email conflicts with customer of id {existing}")
                : ApiResponses.NotFound(context, customerId));
    }

    private static async Task UpdateAddress(HttpContext context, EmulatorStore store, EmulatorDialect dialect)
    {
        string[] members = dialect == EmulatorDialect.Paddle ? s_paddleAddressMembers : s_apiV1AddressMembers;
        JsonObject? body = await RequestBody.ReadValid(context, b => Patch(b, members, (key, value) => key switch
        {
            "country_code" or "country" => RequestChecks.CountryProblem(value, dialect),
            "custom_data" => value is null || value.GetValueKind() == JsonValueKind.Object ? null : "must be an object or null",
            "status" => Status(value, EmulatorDialect.Paddle),
            _ => StringOrNull(value),
        }));
        if (body is null)
        {
            return;
        }

        await (store.UpdateAddress(Route(context, "customer_id"), Route(context, "address_id"), body) is { } updated
            ? ApiResponses.Entity(context, 200, EmulatorEndpoints.Shaped(updated, dialect), dialect)
            : ApiResponses.NotFound(context, Route(context, "address_id")));
    }

    private static async Task ListCustomers(HttpContext context, EmulatorStore store, EmulatorDialect dialect)
    {
        IQueryCollection query = context.Request.Query;
        var problems = new List<(string, string)>();
        bool offsetPaging = dialect == EmulatorDialect.ApiV1;
        var paging = ListAnswer.Read(query, offsetPaging, problems);
        string[] statuses = EmulatorEndpoints.Statuses(query, problems);
        if (query["search"] is { Count: > 0 } searched && searched.ToString().Length > 100)
        {
            problems.Add(("search", "must be at most 100 characters"));
        }

        if (problems.Count > 0)
        {
            await ApiResponses.InvalidFields(context, problems);
            return;
        }

        HashSet<string>? ids = (string?)query["id"] is { } idList ? [.. idList.Split(',', StringSplitOptions.RemoveEmptyEntries)] : null;
        HashSet<string>? emails = (string?)query["email"] is { } emailList ? new(emailList.Split(',', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase) : null;
        string? search = query["search"];
        List<JsonObject> ordered = paging.Ordered(store.Customers().Where(c => statuses.Contains((string?)c["status"])
            && (ids is null || ids.Contains((string)c["id"]!))
            && (emails is null || emails.Contains((string?)c["email"] ?? string.Empty))
            && (search is null || $"{c["id"]}\n{c["name"]}\n{c["email"]}".Contains(search, StringComparison.OrdinalIgnoreCase))));
        await (offsetPaging
            ? paging.WriteOffsetAsync(context, ordered, "customers", static c => c)
            : paging.WriteCursorAsync(context, ordered));
    }
}
