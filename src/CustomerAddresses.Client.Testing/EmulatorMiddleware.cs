using Microsoft.AspNetCore.Http;

namespace CustomerAddresses.Client.Testing;

/// <summary>
/// Around every request: records it, injects the configured faults (decided by seeded dice, so a run repeats), and
/// checks the API key.
/// </summary>
internal sealed class EmulatorMiddleware(CustomerAddressesEmulatorOptions options, EmulatorStatistics statistics, List<EmulatedRequest> log)
{
    private readonly Random _dice = new(options.Seed ?? 0);
    private readonly RateLimitWindow? _limit = options.RequestsPerMinute is { } perMinute ? new RateLimitWindow(perMinute, options.TimeProvider ?? TimeProvider.System) : null;

    private (EmulatorFault Fault, int RetryAfter) Roll()
    {
        double roll;
        int retryAfter;
        lock (_dice)
        {
            roll = _dice.NextDouble();
            retryAfter = _dice.Next(Math.Max(0, options.RetryAfterSeconds) + 1);
        }

        return (Pick(roll), retryAfter);
    }

    private EmulatorFault Pick(double roll)
    {
        foreach ((double rate, EmulatorFault fault) in new[]
        {
            (options.ServerErrorRate, EmulatorFault.ServerError),
            (options.RateLimitRate, EmulatorFault.RateLimited),
            (options.LatencyRate, EmulatorFault.Latency),
            (options.AbortRate, EmulatorFault.Aborted),
        })
        {
            if (roll < rate)
            {
                return fault;
            }

            roll -= rate;
        }

        return EmulatorFault.None;
    }

    internal async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        context.Items["request_id"] = Guid.NewGuid().ToString("D");
        context.Response.Headers["Request-Id"] = (string)context.Items["request_id"]!;
        string body = string.Empty;
        (EmulatorFault fault, int retryAfter) = Roll();
        bool overLimit = _limit is { } limit && !limit.TryEnter(context.Connection.RemoteIpAddress, out retryAfter);
        fault = overLimit ? EmulatorFault.RateLimited : fault;
        statistics.Count(fault);
        try
        {
            if (options.RecordRequests && context.Request.ContentLength is > 0)
            {
                context.Request.EnableBuffering();
                using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
                body = await reader.ReadToEndAsync(context.RequestAborted);
                context.Request.Body.Position = 0;
            }

            await ServeAsync(context, next, fault, retryAfter, overLimit);
        }
        finally
        {
            if (options.RecordRequests)
            {
                var entry = new EmulatedRequest(
                    context.Request.Method,
                    context.Request.Path.Value ?? string.Empty,
                    context.Request.QueryString.Value ?? string.Empty,
                    fault == EmulatorFault.Aborted ? 0 : context.Response.StatusCode,
                    fault,
                    context.Request.Headers["X-Client-Request-Id"].FirstOrDefault(),
                    body);
                lock (log)
                {
                    log.Add(entry);
                }
            }
        }
    }

    private async Task ServeAsync(HttpContext context, RequestDelegate next, EmulatorFault fault, int retryAfter, bool overLimit)
    {
        if (overLimit)
        {
            // Paddle's answer to a client over its rate limit, word for word (its "too many requests" error page).
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ApiResponses.Error(context, 429, "api_error", "too_many_requests", "IP address exceeded the allowed rate limit. Retry after the number of seconds in the Retry-After header.");
            return;
        }

        switch (fault)
        {
            case EmulatorFault.ServerError:
                await ApiResponses.Error(context, 503, "api_error", "service_unavailable", "The emulator injected a 503.");
                return;
            case EmulatorFault.RateLimited:
                context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ApiResponses.Error(context, 429, "request_error", "too_many_requests", "The emulator injected a 429.");
                return;
            case EmulatorFault.Latency:
                await Task.Delay(options.Latency, context.RequestAborted);
                break;
        }

        if (Unauthorized(context) is { } refusal)
        {
            await ApiResponses.Error(context, 403, "request_error", refusal.Code, refusal.Detail);
            return;
        }

        if (fault != EmulatorFault.Aborted)
        {
            await next(context);
            return;
        }

        // Process the request for real (a create is stored), then cut the connection halfway through the answer.
        Stream original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        await next(context);
        context.Response.Body = original;
        context.Response.ContentLength = buffer.Length;
        await original.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)(buffer.Length / 2)), context.RequestAborted);
        await original.FlushAsync(context.RequestAborted);
        context.Abort();
    }

    /// <summary>
    /// Paddle's three refusals, all 403: no <c>Authorization</c> header, one that is not <c>Bearer &lt;key&gt;</c> (the
    /// scheme in any case, as HTTP says: Paddle's Node SDK sends <c>bearer</c>), or a key that is not the one set.
    /// </summary>
    private (string Code, string Detail)? Unauthorized(HttpContext context)
    {
        if (options.ApiKey is not { } key)
        {
            return null;
        }

        string? header = context.Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return ("authentication_missing", "Authentication header missing.");
        }

        int space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || !header.AsSpan(0, space).Equals("Bearer", StringComparison.OrdinalIgnoreCase) || header.AsSpan(space + 1).Trim().IsEmpty)
        {
            return ("authentication_malformed", "Authentication header included, but incorrectly formatted.");
        }

        return string.Equals(header[(space + 1)..].Trim(), key, StringComparison.Ordinal)
            ? null
            : ("invalid_token", "Invalid or revoked API key.");
    }
}
