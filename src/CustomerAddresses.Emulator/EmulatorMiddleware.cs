using Microsoft.AspNetCore.Http;

namespace CustomerAddresses.Emulator;

/// <summary>
/// Around every request: records it, injects the configured faults (decided by seeded dice, so a run repeats), and
/// checks the API key.
/// </summary>
internal sealed class EmulatorMiddleware(CustomerAddressesEmulatorOptions options, EmulatorStatistics statistics, List<EmulatedRequest> log)
{
    private readonly Random _dice = new(options.Seed ?? 0);

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

            await ServeAsync(context, next, fault, retryAfter);
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

    private async Task ServeAsync(HttpContext context, RequestDelegate next, EmulatorFault fault, int retryAfter)
    {
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

        if (!Authorized(context, out string? code))
        {
            await ApiResponses.Error(context, 403, "request_error", code!, code == "authentication_missing"
                ? "Authentication header included, but incorrectly formatted, or missing."
                : "The API key is not valid.");
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

    private bool Authorized(HttpContext context, out string? code)
    {
        code = null;
        if (options.ApiKey is not { } key)
        {
            return true;
        }

        string? header = context.Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            code = "authentication_missing";
            return false;
        }

        if (!string.Equals(header["Bearer ".Length..], key, StringComparison.Ordinal))
        {
            code = "invalid_token";
            return false;
        }

        return true;
    }
}
