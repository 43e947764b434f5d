using System.Buffers;
using CustomerAddresses.Client;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Client.AspNetCore;

/// <summary>The request side of <c>MapPaddleWebhooks</c>: read the raw bytes, verify, hand over, answer.</summary>
internal static class WebhookEndpoint
{
    /// <summary>The largest body accepted: 1 MiB, exactly.</summary>
    internal const int MaxBodyBytes = 1024 * 1024;

    internal static async Task HandleAsync(HttpContext context, Func<PaddleWebhookEvent, CancellationToken, Task> handler)
    {
        PaddleWebhookVerifier verifier = context.RequestServices.GetService<PaddleWebhookVerifier>()
            ?? throw new InvalidOperationException("MapPaddleWebhooks needs services.AddPaddleWebhooks(o => o.SecretKeys.Add(…)) first.");
        ILogger logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CustomerAddresses.Client.AspNetCore.PaddleWebhooks");

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        // Read up to one byte past the maximum: a body of exactly the maximum is accepted, one byte more is refused.
        const int limit = MaxBodyBytes + 1;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        int length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read = await context.Request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit) - length), context.RequestAborted).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > MaxBodyBytes)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }
            }

            PaddleWebhookEvent webhook;
            try
            {
                webhook = verifier.ReadEvent(buffer.AsSpan(0, length), context.Request.Headers[PaddleWebhookSigner.HeaderName].ToString() is { Length: > 0 } header ? header : null);
            }
            catch (WebhookVerificationException refused)
            {
                LogRefused(logger, refused.Failure);
                context.Response.StatusCode = refused.IsUnauthenticated ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest;
                return;
            }

            await handler(webhook, context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // LoggerMessage.Define rather than the generator: on net8.0 two copies of the generator (the framework's and the
    // logging package's) would both implement a [LoggerMessage] method.
    private static readonly Action<ILogger, WebhookVerificationFailure, Exception?> s_refused =
        LoggerMessage.Define<WebhookVerificationFailure>(LogLevel.Warning, new EventId(1, "WebhookRefused"), "Refused a Paddle webhook: {Failure}");

    private static void LogRefused(ILogger logger, WebhookVerificationFailure failure) => s_refused(logger, failure, null);
}
