using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CustomerAddresses.Client.Testing;

/// <summary>
/// A customer's businesses, as Paddle's reference defines them (at the root only: the /api/v1 API has none): create, get,
/// list (<c>id</c>, <c>status</c>, <c>search</c>, <c>after</c>, <c>order_by</c>, <c>per_page</c>) and update, with the
/// rules of Paddle's <c>business-create</c> and <c>business-update</c> schemas (no other member; a name of 1 to 1,024
/// characters; numbers of at most 1,024; at most 100 contacts, each with an email, none twice). Each change raises
/// <c>business.created</c> or <c>business.updated</c>.
/// </summary>
internal sealed class BusinessEndpoints(EmulatorStore customers, IdGenerator ids, EmulatorClock clock)
{
    private static readonly string[] s_createMembers = ["name", "company_number", "tax_identifier", "contacts", "custom_data"];
    private static readonly string[] s_updateMembers = ["name", "company_number", "tax_identifier", "contacts", "custom_data", "status"];
    private readonly OwnedEntities _businesses = new(customers);

    internal void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/customers/{customer_id}/businesses", Create);
        routes.MapGet("/customers/{customer_id}/businesses", List);
        routes.MapGet("/customers/{customer_id}/businesses/{business_id}", Get);
        routes.MapMethods("/customers/{customer_id}/businesses/{business_id}", ["PATCH"], Update);
    }

    private static string Route(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;

    private async Task Create(HttpContext context)
    {
        string customerId = Route(context, "customer_id");
        if (await RequestBody.ReadValid(context, body => Check(body, s_createMembers, create: true)) is not { } body)
        {
            return;
        }

        if (customers.Customer(customerId) is null)
        {
            await ApiResponses.NotFound(context, customerId);
            return;
        }

        string now = clock.Milliseconds();
        var business = new JsonObject
        {
            ["id"] = ids.Next("biz_"),
            ["status"] = "active",
            ["customer_id"] = customerId,
            ["name"] = body["name"]!.DeepClone(),
            ["company_number"] = body["company_number"]?.DeepClone(),
            ["tax_identifier"] = body["tax_identifier"]?.DeepClone(),
            ["contacts"] = body["contacts"]?.DeepClone() ?? new JsonArray(),
            ["custom_data"] = body["custom_data"]?.DeepClone(),
            ["created_at"] = now,
            ["updated_at"] = now,
            ["import_meta"] = null,
        };
        _businesses.Add(customerId, business);

        await ApiResponses.Entity(context, 201, Publish("business.created", business), EmulatorDialect.Paddle);
    }

    private Task Get(HttpContext context) =>
        _businesses.Find(Route(context, "customer_id"), Route(context, "business_id")) is { } business
            ? ApiResponses.Entity(context, 200, business, EmulatorDialect.Paddle)
            : ApiResponses.NotFound(context, Route(context, "business_id"));

    private async Task Update(HttpContext context)
    {
        if (await RequestBody.ReadValid(context, body => Check(body, s_updateMembers, create: false)) is not { } body)
        {
            return;
        }

        JsonObject? updated = _businesses.Change(Route(context, "customer_id"), Route(context, "business_id"), business =>
        {
            foreach ((string key, JsonNode? value) in body)
            {
                business[key] = key == "contacts" ? value?.DeepClone() ?? new JsonArray() : value?.DeepClone();
            }

            business["updated_at"] = clock.Microseconds();
        });

        await (updated is not null
            ? ApiResponses.Entity(context, 200, Publish("business.updated", updated), EmulatorDialect.Paddle)
            : ApiResponses.NotFound(context, Route(context, "business_id")));
    }

    private async Task List(HttpContext context)
    {
        IQueryCollection query = context.Request.Query;
        var problems = new List<(string, string)>();
        var paging = ListAnswer.Read(query, offsetPaging: false, problems);
        string[] statuses = EmulatorEndpoints.Statuses(query, problems);
        string? search = query["search"];
        if (search is { Length: > 100 })
        {
            problems.Add(("search", "must be at most 100 characters"));
        }

        HashSet<string>? only = (string?)query["id"] is { } idList ? [.. idList.Split(',', StringSplitOptions.RemoveEmptyEntries)] : null;
        await _businesses.ListAsync(context, paging, problems, b =>
            statuses.Contains((string?)b["status"])
            && (only is null || only.Contains((string)b["id"]!))
            && (search is null || SearchText(b).Contains(search, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Paddle searches every field, contacts included, except the status and the times.</summary>
    private static string SearchText(JsonObject business) =>
        string.Join('\n', new[] { "id", "name", "company_number", "tax_identifier" }.Select(k => (string?)business[k]))
        + '\n' + (business["contacts"]?.ToJsonString() ?? string.Empty) + '\n' + (business["custom_data"]?.ToJsonString() ?? string.Empty);

    private JsonObject Publish(string eventType, JsonObject business)
    {
        customers.Changed?.Invoke(eventType, business.DeepClone().AsObject());
        return business.DeepClone().AsObject();
    }

    private static List<(string, string)> Check(JsonObject body, string[] members, bool create)
    {
        var problems = new List<(string, string)>();
        RequestChecks.OnlyMembers(body, members, problems);
        if (create || body.ContainsKey("name"))
        {
            RequestChecks.RequiredString(body, "name", 1024, problems);
        }

        RequestChecks.OptionalString(body, "company_number", 1024, problems);
        RequestChecks.OptionalString(body, "tax_identifier", 1024, problems);
        RequestChecks.OptionalObject(body, "custom_data", problems);
        if (body.ContainsKey("status") && !(body["status"] is JsonValue status && status.GetValueKind() == JsonValueKind.String && (string)status! is "active" or "archived"))
        {
            problems.Add(("status", "must be active or archived"));
        }

        Contacts(body["contacts"], problems);
        return problems;
    }

    private static void Contacts(JsonNode? contacts, List<(string, string)> problems)
    {
        if (contacts is null)
        {
            return;
        }

        if (contacts is not JsonArray list)
        {
            problems.Add(("contacts", "must be an array or null"));
            return;
        }

        if (list.Count > 100)
        {
            problems.Add(("contacts", "must have at most 100 items"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject contact)
            {
                problems.Add(($"contacts[{i}]", "must be an object"));
                continue;
            }

            RequestChecks.OnlyMembers(contact, ["name", "email"], problems);
            if (contact["email"]?.GetValueKind() != JsonValueKind.String || !EmailAndLocale.IsEmail((string)contact["email"]!))
            {
                problems.Add(($"contacts[{i}].email", EmailAndLocale.EmailProblem));
            }

            if (contact["name"] is { } name && (name.GetValueKind() != JsonValueKind.String || ((string)name!).Length > 1024))
            {
                problems.Add(($"contacts[{i}].name", "must be a string of at most 1024 characters"));
            }

            if (!seen.Add(contact.ToJsonString()))
            {
                problems.Add(("contacts", "must not contain the same contact twice"));
            }
        }
    }
}
