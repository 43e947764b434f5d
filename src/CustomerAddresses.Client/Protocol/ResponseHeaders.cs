namespace CustomerAddresses.Client.Protocol;

/// <summary>What the client reads from response headers.</summary>
internal static class ResponseHeaders
{
    /// <summary>The server's request id from the <c>Request-Id</c> or <c>X-Request-Id</c> header.</summary>
    internal static string? RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Request-Id", out IEnumerable<string>? a) ? a.FirstOrDefault()
        : response.Headers.TryGetValues("X-Request-Id", out IEnumerable<string>? b) ? b.FirstOrDefault()
        : null;

    /// <summary>The server's <c>Retry-After</c> (seconds or an HTTP date), as a wait from now by <paramref name="timeProvider"/>.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        if (response.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            TimeSpan wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
