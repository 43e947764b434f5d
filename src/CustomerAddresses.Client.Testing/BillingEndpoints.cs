using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CustomerAddresses.Client.Testing;

/// <summary>
/// The organization billing address endpoints as Wacht's server answers them: a body is validated first (400), then the
/// sign-in (401 "No active sign in"), then membership (403 "Insufficient permissions", also for an unknown
/// organization); success is 200 with <c>errors: null</c>. The add body is seed 004's; the replace body is the
/// server's <c>{address, city, state, country, postal_code}</c>.
/// </summary>
internal static class BillingEndpoints
{
    private const string Route = "/organizations/{id}/billing-addresses";
    private const string ItemRoute = Route + "/{billing_address_id}";

    internal static void Map(IEndpointRouteBuilder app, BillingStore store, SessionState session, CustomerAddressesEmulatorOptions options)
    {
        app.MapGet(Route, context => Run(context, store, session, options, body: null, static (c, s, org) =>
            ApiResponses.Envelope(c, 200, string.Empty, s.List(org))));
        app.MapPost(Route, async context =>
        {
            if (await ValidBody(context, RequestChecks.BillingAddress) is { } body)
            {
                await Run(context, store, session, options, body, static (c, s, org) =>
                    ApiResponses.Envelope(c, 200, string.Empty, new JsonObject { ["billing_address"] = s.Add(org, (JsonObject)c.Items["body"]!) }));
            }
        });
        app.MapPut(ItemRoute, async context =>
        {
            if (await ValidBody(context, RequestChecks.ReplacedBillingAddress) is { } body)
            {
                await Run(context, store, session, options, body, static (c, s, org) =>
                    s.Replace(org, (string)c.Request.RouteValues["billing_address_id"]!, (JsonObject)c.Items["body"]!) is { } replaced
                        ? ApiResponses.Envelope(c, 200, string.Empty, new JsonObject { ["billing_address"] = replaced })
                        : ApiResponses.Envelope(c, 404, "Billing address not found", null));
            }
        });
        app.MapDelete(ItemRoute, context => Run(context, store, session, options, body: null, static (c, s, org) =>
        {
            s.Delete(org, (string)c.Request.RouteValues["billing_address_id"]!);
            return ApiResponses.Envelope(c, 200, string.Empty, new JsonObject { ["success"] = true });
        }));
    }

    /// <summary>The body, or null once a 400 has been answered (validation comes before the sign-in check).</summary>
    private static async Task<JsonObject?> ValidBody(HttpContext context, Func<JsonObject, List<(string Field, string Message)>> check)
    {
        (JsonObject? body, RequestBody.BodyProblem problem) = await RequestBody.ReadObjectOrProblem(context);
        if (body is null)
        {
            await ApiResponses.Envelope(context, 400, "Bad request body", new JsonObject(), [("BAD_REQUEST_BODY", problem == RequestBody.BodyProblem.TooLarge
                ? RequestBody.TooLargeDetail
                : "The request body is not a JSON object.")]);
            return null;
        }

        List<(string Field, string Message)> problems = check(body);
        if (problems.Count > 0)
        {
            await ApiResponses.Envelope(context, 400, "Bad request body", new JsonObject(), problems.Select(p => ("REQUIRED_FIELD", $"{p.Field} {p.Message}")));
            return null;
        }

        return body;
    }

    private static async Task Run(
        HttpContext context,
        BillingStore store,
        SessionState session,
        CustomerAddressesEmulatorOptions options,
        JsonObject? body,
        Func<HttpContext, BillingStore, string, Task> action)
    {
        string? presented = context.Request.Cookies["__session"] ?? context.Request.Headers["X-Development-Session"].FirstOrDefault();
        if (!session.TryAccept(presented, out string? rotated))
        {
            await ApiResponses.Envelope(context, 401, "No active sign in", null);
            return;
        }

        if (rotated is not null)
        {
            if (options.DevelopmentSessions)
            {
                context.Response.Headers["X-Development-Session"] = rotated;
            }
            else
            {
                context.Response.Headers.SetCookie = $"__session={rotated}; expires={DateTimeOffset.UtcNow.AddHours(24):R}; path=/; HttpOnly";
            }
        }

        string organizationId = (string)context.Request.RouteValues["id"]!;
        if (!store.Manages(organizationId))
        {
            await ApiResponses.Envelope(context, 403, "Insufficient permissions", null);
            return;
        }

        context.Items["body"] = body;
        await action(context, store, organizationId);
    }
}
