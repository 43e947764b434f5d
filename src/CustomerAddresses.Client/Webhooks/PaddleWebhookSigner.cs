using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CustomerAddresses.Client;

/// <summary>
/// Signs a webhook body as Paddle does, for tests of a webhook handler: <c>Paddle-Signature: ts=…;h1=…</c>, where
/// <c>h1</c> is the lower-case hex HMAC-SHA256 of <c>ts:body</c> with the destination's secret key.
/// </summary>
public static class PaddleWebhookSigner
{
    /// <summary>The name of the header Paddle signs webhooks in.</summary>
    public const string HeaderName = "Paddle-Signature";

    /// <summary>Makes the <c>Paddle-Signature</c> value of a body.</summary>
    /// <param name="body">The exact bytes that are sent.</param>
    /// <param name="secretKey">The destination's secret key.</param>
    /// <param name="timestamp">The signing time; whole seconds are kept.</param>
    /// <returns>The header value, such as <c>ts=1698796800;h1=a300…f9</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="secretKey"/> is empty.</exception>
    public static string Sign(ReadOnlySpan<byte> body, string secretKey, DateTimeOffset timestamp)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        long ts = timestamp.ToUnixTimeSeconds();
        return $"ts={ts.ToString(CultureInfo.InvariantCulture)};h1={Convert.ToHexString(Hmac(body, secretKey, ts)).ToLowerInvariant()}";
    }

    /// <summary>The HMAC-SHA256 of <c>ts:body</c>, without an intermediate copy of the body.</summary>
    internal static byte[] Hmac(ReadOnlySpan<byte> body, string secretKey, long ts)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secretKey));
        Span<byte> prefix = stackalloc byte[24];
        int written = Encoding.ASCII.GetBytes(ts.ToString(CultureInfo.InvariantCulture) + ":", prefix);
        hmac.AppendData(prefix[..written]);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
