using CustomerAddresses.Client;
using CustomerAddresses.Client.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps an endpoint that receives Paddle webhooks.</summary>
public static class PaddleWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> to receive Paddle webhooks: the raw body (at most 1 MiB) is verified
    /// against <c>Paddle-Signature</c> with the <see cref="PaddleWebhookVerifier"/> registered by <c>AddPaddleWebhooks</c>,
    /// read as a typed event and handed to <paramref name="handler"/>. The answer is what Paddle expects: 200 once the
    /// handler returns; 401 for a signature that does not match or is too old; 400 for a missing or malformed header or
    /// a body that is not an event; 413 for a larger body; an exception of the handler fails the request, and Paddle
    /// retries it. Paddle waits 5 seconds for the answer: queue slow work.
    /// </summary>
    /// <param name="endpoints">The route builder, such as the <c>WebApplication</c>.</param>
    /// <param name="pattern">The route, such as <c>/webhooks/paddle</c>.</param>
    /// <param name="handler">Handles a verified event; deduplicate on <see cref="PaddleWebhookEvent.EventId"/>, since Paddle may deliver one twice.</param>
    /// <returns>The endpoint's convention builder, to add metadata such as a name or to disable antiforgery.</returns>
    /// <example>
    /// <code>
    /// app.MapPaddleWebhooks("/webhooks/paddle", async (webhook, cancellationToken) =>
    /// {
    ///     if (webhook is AddressWebhookEvent address) { await store.UpsertAsync(address.Address, cancellationToken); }
    /// });
    /// </code>
    /// </example>
    public static IEndpointConventionBuilder MapPaddleWebhooks(this IEndpointRouteBuilder endpoints, string pattern, Func<PaddleWebhookEvent, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentNullException.ThrowIfNull(handler);
        return endpoints.MapPost(pattern, context => WebhookEndpoint.HandleAsync(context, handler));
    }
}
