namespace CustomerAddresses.Client;

/// <summary>Paddle Billing's base addresses. An API key works in the environment it was made for only.</summary>
public static class PaddleEnvironment
{
    /// <summary>Gets the live environment, <c>https://api.paddle.com/</c>, for keys that start <c>pdl_live_</c>.</summary>
    public static Uri Live { get; } = new("https://api.paddle.com/");

    /// <summary>Gets the sandbox environment, <c>https://sandbox-api.paddle.com/</c>, for keys that start <c>pdl_sdbx_</c>.</summary>
    public static Uri Sandbox { get; } = new("https://sandbox-api.paddle.com/");

    /// <summary>Whether a host is one of Paddle's.</summary>
    internal static bool IsPaddleHost(Uri address) =>
        string.Equals(address.IdnHost, Live.IdnHost, StringComparison.OrdinalIgnoreCase)
        || string.Equals(address.IdnHost, Sandbox.IdnHost, StringComparison.OrdinalIgnoreCase);

    /// <summary>A problem when a key made for one environment is pointed at the other's host; the key is never quoted.</summary>
    internal static string? KeyMismatch(Uri address, string? apiKey)
    {
        if (apiKey is null)
        {
            return null;
        }

        bool live = string.Equals(address.IdnHost, Live.IdnHost, StringComparison.OrdinalIgnoreCase);
        bool sandbox = string.Equals(address.IdnHost, Sandbox.IdnHost, StringComparison.OrdinalIgnoreCase);
        return live && apiKey.StartsWith("pdl_sdbx_", StringComparison.Ordinal)
            ? "ApiKey is a sandbox key (pdl_sdbx_…) but BaseAddress is Paddle's live environment; use PaddleEnvironment.Sandbox, or a live key."
            : sandbox && apiKey.StartsWith("pdl_live_", StringComparison.Ordinal)
                ? "ApiKey is a live key (pdl_live_…) but BaseAddress is Paddle's sandbox environment; use PaddleEnvironment.Live, or a sandbox key."
                : null;
    }
}
