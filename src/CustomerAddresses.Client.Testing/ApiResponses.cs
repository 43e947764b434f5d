using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CustomerAddresses.Client.Testing;

/// <summary>The two envelopes the emulator answers with: Paddle's (<c>data</c>/<c>meta</c>, <c>error</c>) and seed 004's.</summary>
internal static class ApiResponses
{
    internal static string RequestId(HttpContext context) => (string)context.Items["request_id"]!;

    internal static Task Json(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    internal static Task Data(HttpContext context, int status, JsonNode data, JsonObject? meta = null)
    {
        meta ??= [];
        meta["request_id"] = RequestId(context);
        return Json(context, status, new JsonObject { ["data"] = data, ["meta"] = meta });
    }

    internal static Task Error(HttpContext context, int status, string type, string code, string detail, IEnumerable<(string Field, string Message)>? fields = null)
    {
        var error = new JsonObject
        {
            ["type"] = type,
            ["code"] = code,
            ["detail"] = detail,
            ["documentation_url"] = $"https://developer.paddle.com/errors/{code switch { "customer_already_exists" => "customers", _ when code.StartsWith("notification_", StringComparison.Ordinal) => "notifications", _ => "shared" }}/{code}",
        };
        if (fields is not null)
        {
            error["errors"] = new JsonArray(fields.Select(f => (JsonNode)new JsonObject { ["field"] = f.Field, ["message"] = f.Message }).ToArray());
        }

        return Json(context, status, new JsonObject { ["error"] = error, ["meta"] = new JsonObject { ["request_id"] = RequestId(context) } });
    }

    internal static Task InvalidFields(HttpContext context, List<(string Field, string Message)> fields) =>
        Error(context, 400, "request_error", "invalid_field", "Request does not pass validation.", fields);

    /// <summary>Paddle's 404: <c>not_found</c>, <c>Entity ctm_… not found</c>.</summary>
    internal static Task NotFound(HttpContext context, string id) =>
        Error(context, 404, "request_error", "not_found", $"Entity {id} not found");

    /// <summary>An entity as the dialect answers it: in Paddle's <c>data</c>/<c>meta</c> envelope, or bare (seeds 000 and 003).</summary>
    internal static Task Entity(HttpContext context, int status, JsonObject entity, EmulatorDialect dialect) =>
        dialect == EmulatorDialect.Paddle ? Data(context, status, entity) : Json(context, status, entity);

    /// <summary>
    /// The envelope of seed 004 and Wacht's server: <c>{"status","message","data","session","errors"}</c>, where
    /// <c>errors</c> is null unless there are error items (<c>{code, message}</c>, UPPER_SNAKE codes).
    /// </summary>
    internal static Task Envelope(HttpContext context, int status, string message, JsonNode? data, IEnumerable<(string Code, string Message)>? errors = null)
    {
        var body = new JsonObject
        {
            ["status"] = status,
            ["message"] = message,
            ["data"] = data,
            ["session"] = new JsonObject { ["signin_attempts"] = new JsonArray(), ["signins"] = new JsonArray(), ["signup_attempts"] = new JsonArray(), ["active_signin"] = null },
            ["errors"] = errors is null ? null : new JsonArray(errors.Select(e => (JsonNode)new JsonObject { ["code"] = e.Code, ["message"] = e.Message }).ToArray()),
        };
        return Json(context, status, body);
    }
}
