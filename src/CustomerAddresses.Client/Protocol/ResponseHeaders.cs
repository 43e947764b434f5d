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

    /// <summary>
    /// The limit the server states, as requests a minute: IETF's <c>RateLimit-Policy</c> (the draft's <c>100;w=60</c>
    /// and its later <c>"default";q=100;w=60</c>, several policies separated by commas: the strictest is kept), or
    /// <c>X-RateLimit-Limit</c> with <c>X-RateLimit-Window</c> in seconds. <see langword="null"/> when it states none
    /// this client can read.
    /// </summary>
    internal static int? StatedRequestsPerMinute(HttpResponseMessage response)
    {
        double? strictest = null;
        if (response.Headers.TryGetValues("RateLimit-Policy", out IEnumerable<string>? policies))
        {
            foreach (string policy in policies.SelectMany(static p => p.Split(',')))
            {
                (double? quota, double? window) = (null, null);
                foreach (string part in policy.Split(';', StringSplitOptions.TrimEntries))
                {
                    if (part.StartsWith("q=", StringComparison.Ordinal))
                    {
                        quota = Number(part[2..]);
                    }
                    else if (part.StartsWith("w=", StringComparison.Ordinal))
                    {
                        window = Number(part[2..]);
                    }
                    else if (quota is null && Number(part) is { } bare)
                    {
                        quota = bare;
                    }
                }

                if (quota is > 0 && window is > 0)
                {
                    strictest = Math.Min(strictest ?? double.MaxValue, quota.Value * 60 / window.Value);
                }
            }
        }

        if (strictest is null
            && response.Headers.TryGetValues("X-RateLimit-Limit", out IEnumerable<string>? limits) && Number(limits.First()) is > 0 and var limit
            && response.Headers.TryGetValues("X-RateLimit-Window", out IEnumerable<string>? windows) && Number(windows.First()) is > 0 and var seconds)
        {
            strictest = limit * 60 / seconds;
        }

        return strictest is { } perMinute ? (int)Math.Clamp(Math.Floor(perMinute), 1, 60_000) : null;
    }

    private static double? Number(string text) =>
        double.TryParse(text.Trim(), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out double value) ? value : null;
}
