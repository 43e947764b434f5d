using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CustomerAddresses.Client.Testing;

/// <summary>
/// Paddle's notification settings, events and notifications, at the root (Paddle's dialect): what an integration in any
/// language uses to register a webhook destination, and to catch up on the events and deliveries its endpoint missed.
/// </summary>
internal static class NotificationEndpoints
{
    private static readonly string[] s_createMembers = ["description", "destination", "subscribed_events", "type", "active", "api_version", "include_sensitive_fields", "traffic_source"];
    private static readonly string[] s_updateMembers = ["description", "destination", "subscribed_events", "active", "api_version", "include_sensitive_fields", "traffic_source"];

    internal static void Map(IEndpointRouteBuilder routes, NotificationCenter center)
    {
        routes.MapPost("/notification-settings", async context =>
        {
            if (await RequestBody.ReadValid(context, body => CheckSetting(body, s_createMembers, creating: true)) is { } body)
            {
                await ApiResponses.Data(context, 201, center.CreateSetting(body));
            }
        });
        routes.MapGet("/notification-settings", context => ListSettings(context, center));
        routes.MapGet("/notification-settings/{notification_setting_id}", context =>
            center.Setting(Id(context, "notification_setting_id")) is { } setting ? ApiResponses.Data(context, 200, setting) : NotFound(context, "notification_setting_id"));
        routes.MapMethods("/notification-settings/{notification_setting_id}", ["PATCH"], async context =>
        {
            if (await RequestBody.ReadValid(context, body => CheckSetting(body, s_updateMembers, creating: false)) is not { } body)
            {
                return;
            }

            string id = Id(context, "notification_setting_id");
            if (body["destination"] is { } destination && (string?)center.Setting(id)?["type"] == "url" && !IsWebhookUrl((string)destination!))
            {
                await ApiResponses.InvalidFields(context, [("destination", WebhookUrlProblem)]);
                return;
            }

            await (center.UpdateSetting(id, body) is { } updated ? ApiResponses.Data(context, 200, updated) : NotFound(context, "notification_setting_id"));
        });
        routes.MapDelete("/notification-settings/{notification_setting_id}", context =>
        {
            if (!center.DeleteSetting(Id(context, "notification_setting_id")))
            {
                return NotFound(context, "notification_setting_id");
            }

            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        routes.MapGet("/events", context => ListEvents(context, center));
        routes.MapGet("/notifications", context => ListNotifications(context, center));
        routes.MapGet("/notifications/{notification_id}", context =>
            center.NotificationById(Id(context, "notification_id")) is { } notification ? ApiResponses.Data(context, 200, notification) : NotFound(context, "notification_id"));
        routes.MapPost("/notifications/{notification_id}/replay", context => Replay(context, center));
    }

    private static string Id(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;

    private static Task NotFound(HttpContext context, string name) => ApiResponses.NotFound(context, Id(context, name));

    /// <summary>
    /// Paddle's <c>notification_setting-create</c> and <c>-update</c> rules: <c>description</c> 1 to 500 characters,
    /// <c>destination</c> 1 to 2048 (an absolute http(s) URL for <c>url</c>, an email address for <c>email</c>), known
    /// event type names, <c>type</c> <c>url</c> or <c>email</c>, <c>api_version</c> 1, <c>traffic_source</c>
    /// <c>platform</c>, <c>simulation</c> or <c>all</c>; no other member.
    /// </summary>
    private static List<(string, string)> CheckSetting(JsonObject body, string[] members, bool creating)
    {
        var problems = new List<(string, string)>();
        RequestChecks.OnlyMembers(body, members, problems);
        if (creating || body.ContainsKey("description"))
        {
            RequiredString(body, "description", 500, problems);
        }

        if (creating)
        {
            string? type = body["type"]?.GetValueKind() == JsonValueKind.String ? (string)body["type"]! : null;
            if (type is not ("url" or "email"))
            {
                problems.Add(("type", "is required and must be url or email"));
            }

            RequiredString(body, "destination", 2048, problems);
            if (type == "url" && body["destination"]?.GetValueKind() == JsonValueKind.String && !IsWebhookUrl((string)body["destination"]!))
            {
                problems.Add(("destination", WebhookUrlProblem));
            }

            if (body["subscribed_events"] is null)
            {
                problems.Add(("subscribed_events", "is required"));
            }
        }
        else if (body.ContainsKey("destination"))
        {
            RequiredString(body, "destination", 2048, problems);
        }

        if (body["subscribed_events"] is { } events
            && (events is not JsonArray names || names.Any(n => n?.GetValueKind() != JsonValueKind.String || !EventTypes.IsKnown((string)n!))))
        {
            problems.Add(("subscribed_events", "must be an array of event type names"));
        }

        Optional(body, "active", v => v.GetValueKind() is JsonValueKind.True or JsonValueKind.False, "must be a boolean", problems);
        Optional(body, "include_sensitive_fields", v => v.GetValueKind() is JsonValueKind.True or JsonValueKind.False, "must be a boolean", problems);
        Optional(body, "api_version", v => v.GetValueKind() == JsonValueKind.Number && v.AsValue().TryGetValue(out int version) && version == 1, "must be a valid version of the Paddle API: 1", problems);
        Optional(body, "traffic_source", v => v.GetValueKind() == JsonValueKind.String && (string)v! is "platform" or "simulation" or "all", "must be platform, simulation or all", problems);
        return problems;
    }

    /// <summary>An absolute http(s) URL without user information: a password in a destination would be stored, listed and echoed.</summary>
    internal static bool IsWebhookUrl(string destination) =>
        Uri.TryCreate(destination, UriKind.Absolute, out Uri? url) && IsWebhookUrl(url);

    internal static bool IsWebhookUrl(Uri url) =>
        url.IsAbsoluteUri && url.Scheme is "http" or "https" && url.UserInfo.Length == 0;

    internal const string WebhookUrlProblem = "must be an absolute http or https URL without user information";

    private static void RequiredString(JsonObject body, string name, int max, List<(string, string)> problems)
    {
        if (body[name]?.GetValueKind() != JsonValueKind.String || ((string)body[name]!).Length is 0 || ((string)body[name]!).Length > max)
        {
            problems.Add((name, $"must be a string of 1 to {max} characters"));
        }
    }

    /// <summary>A member that may be left out, but not sent as null or of another shape.</summary>
    private static void Optional(JsonObject body, string name, Func<JsonNode, bool> valid, string message, List<(string, string)> problems)
    {
        if (body.ContainsKey(name) && (body[name] is not { } value || !valid(value)))
        {
            problems.Add((name, message));
        }
    }

    private static async Task ListSettings(HttpContext context, NotificationCenter center)
    {
        IQueryCollection query = context.Request.Query;
        var problems = new List<(string, string)>();
        var paging = ListAnswer.Read(query, offsetPaging: false, problems, defaultPerPage: 200);
        string? active = query["active"];
        string? trafficSource = query["traffic_source"];
        if (active is not (null or "true" or "false"))
        {
            problems.Add(("active", "must be true or false"));
        }

        if (trafficSource is not (null or "platform" or "simulation" or "all"))
        {
            problems.Add(("traffic_source", "must be platform, simulation or all"));
        }

        if (problems.Count > 0)
        {
            await ApiResponses.InvalidFields(context, problems);
            return;
        }

        await paging.WriteCursorAsync(context, paging.Ordered(center.Settings(active is null ? null : active == "true", trafficSource)));
    }

    private static async Task ListEvents(HttpContext context, NotificationCenter center)
    {
        IQueryCollection query = context.Request.Query;
        var problems = new List<(string, string)>();
        var paging = ListAnswer.Read(query, offsetPaging: false, problems);
        HashSet<string>? types = Csv(query, "event_type");
        if (types?.Any(t => !EventTypes.IsKnown(t)) == true)
        {
            problems.Add(("event_type", "must be a comma-separated list of event type names"));
        }

        if (problems.Count > 0)
        {
            await ApiResponses.InvalidFields(context, problems);
            return;
        }

        await paging.WriteCursorAsync(context, paging.Ordered(center.Events().Where(e => types is null || types.Contains((string)e["event_type"]!))), "event_id");
    }

    private static async Task ListNotifications(HttpContext context, NotificationCenter center)
    {
        IQueryCollection query = context.Request.Query;
        var problems = new List<(string, string)>();
        var paging = ListAnswer.Read(query, offsetPaging: false, problems);
        HashSet<string>? settings = Csv(query, "notification_setting_id");
        HashSet<string>? statuses = Csv(query, "status");
        if (statuses?.Any(s => s is not ("not_attempted" or "needs_retry" or "delivered" or "failed")) == true)
        {
            problems.Add(("status", "must be a comma-separated list of not_attempted, needs_retry, delivered and failed"));
        }

        if (problems.Count > 0)
        {
            await ApiResponses.InvalidFields(context, problems);
            return;
        }

        string? search = query["search"];
        await paging.WriteCursorAsync(context, paging.Ordered(center.Notifications(n =>
            (settings is null || settings.Contains(n.SettingId)) && (statuses is null || statuses.Contains(n.Status))
            && (search is null || n.Id.Contains(search, StringComparison.OrdinalIgnoreCase) || n.EventType.Contains(search, StringComparison.OrdinalIgnoreCase)))));
    }

    private static HashSet<string>? Csv(IQueryCollection query, string name) =>
        (string?)query[name] is { } list ? [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries)] : null;

    /// <summary>202 with the new notification's id; 400 <c>notification_cannot_replay</c> or <c>notification_replay_invalid_origin_type</c> as Paddle.</summary>
    private static async Task Replay(HttpContext context, NotificationCenter center)
    {
        if (!await RequestBody.ReadNone(context))
        {
            return;
        }

        string id = Id(context, "notification_id");
        (string? newId, string? error) = center.Replay(id);
        await (error switch
        {
            null => ApiResponses.Data(context, 202, new JsonObject { ["notification_id"] = newId }),
            "not_found" => ApiResponses.NotFound(context, id),
            "notification_cannot_replay" => ApiResponses.Error(context, 400, "request_error", error, $"Notification {id} cannot be replayed because it's not `delivered` or `failed`."),
            _ => ApiResponses.Error(context, 400, "request_error", error, "Only notifications with the origin `event` can be replayed."),
        });
    }
}
