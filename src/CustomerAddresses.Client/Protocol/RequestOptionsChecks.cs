using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client.Protocol;

/// <summary>The checks of a call's <see cref="RequestOptions"/>, before any request; each problem is an <see cref="ArgumentException"/>.</summary>
internal static class RequestOptionsChecks
{
    internal const int MaxClientRequestIdLength = 128;

    /// <summary>Headers the client sets itself, or HTTP reserves: a caller's value would be dropped or would break the request.</summary>
    private static readonly HashSet<string> s_reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Cookie", "Accept", "Paddle-Version", "X-Client-Request-Id", "Host", "Connection", "Transfer-Encoding",
        "Content-Type", "Content-Length", "Content-Encoding", "Content-Range", "Content-Location", "Content-MD5", "Content-Disposition",
        "Content-Language", "Expect", "Upgrade", "Proxy-Authorization", "TE", "Trailer", "Keep-Alive",
    };

    /// <summary>The options' headers, checked and copied.</summary>
    internal static IReadOnlyList<KeyValuePair<string, string>> Validated(RequestOptions options)
    {
        if (options.Timeout is { } timeout && (timeout < ClientSettings.MinTimeout || timeout > ClientSettings.MaxTimeout))
        {
            throw new ArgumentOutOfRangeException(
                "requestOptions.Timeout", timeout, $"The timeout must be from {ClientSettings.MinTimeout.TotalMilliseconds} ms to {ClientSettings.MaxTimeout.TotalHours} hours.");
        }

        if (options.ClientRequestId is { } id && (id.Length > MaxClientRequestIdLength || !HeaderValues.IsSafe(id)))
        {
            throw new ArgumentException($"requestOptions.ClientRequestId must be 1 to {MaxClientRequestIdLength} visible ASCII characters.", "requestOptions.ClientRequestId");
        }

        var headers = new List<KeyValuePair<string, string>>(options.Headers.Count);
        foreach ((string name, string value) in options.Headers)
        {
            if (string.IsNullOrEmpty(name) || !name.All(IsTokenChar))
            {
                throw new ArgumentException("requestOptions.Headers holds a name that is not an HTTP header name.", "requestOptions.Headers");
            }

            if (s_reserved.Contains(name))
            {
                throw new ArgumentException($"requestOptions.Headers cannot set {name}: the client sets it, or HTTP reserves it.", "requestOptions.Headers");
            }

            if (value is null || value.Any(c => c is '\r' or '\n' or '\0'))
            {
                throw new ArgumentException($"requestOptions.Headers[{name}] must be a value without line breaks.", "requestOptions.Headers");
            }

            headers.Add(new(name, value));
        }

        return headers;
    }

    /// <summary>RFC 9110's token characters.</summary>
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
