using System.Buffers;
using System.Text.Json;

namespace CustomerAddresses.Client.Sessions;

/// <summary>
/// When a session token was issued, read from the token itself when it is a JWT (a signed JWS in compact form) whose
/// payload has a numeric <c>iat</c> claim, as Wacht's server issues them: <c>iat</c>, then <c>exp</c>, order two tokens
/// by issue. The signature is not checked: the token only orders tokens the server itself sent over the same
/// connection, and the server checks it.
/// </summary>
/// <param name="IssuedAt">The <c>iat</c> claim, in seconds since the Unix epoch (RFC 7519 allows a fraction).</param>
/// <param name="ExpiresAt">The <c>exp</c> claim, when the token has one.</param>
internal readonly record struct SessionTokenStamp(decimal IssuedAt, decimal? ExpiresAt)
{
    /// <summary>The longest payload read; a larger token is ordered as an opaque one.</summary>
    private const int MaxPayloadChars = 64 * 1024;

    /// <summary>The token's stamp, or null when it is not a JWT with a numeric <c>iat</c>.</summary>
    internal static SessionTokenStamp? Read(string token)
    {
        int first = token.IndexOf('.', StringComparison.Ordinal);
        int second = first < 0 ? -1 : token.IndexOf('.', first + 1);
        if (first <= 0 || second < 0 || token.IndexOf('.', second + 1) >= 0 || second - first - 1 is 0 or > MaxPayloadChars)
        {
            return null;
        }

        ReadOnlySpan<char> encoded = token.AsSpan(first + 1, second - first - 1);
        int padded = (encoded.Length + 3) / 4 * 4;
        char[] chars = ArrayPool<char>.Shared.Rent(padded);
        byte[] bytes = ArrayPool<byte>.Shared.Rent(padded / 4 * 3);
        try
        {
            // base64url to base64 (Base64Url itself is not in .NET 8).
            for (int i = 0; i < padded; i++)
            {
                chars[i] = i >= encoded.Length ? '=' : encoded[i] switch { '-' => '+', '_' => '/', char c => c };
            }

            return Convert.TryFromBase64Chars(chars.AsSpan(0, padded), bytes, out int length) ? ReadClaims(bytes.AsSpan(0, length)) : null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Compares by issue: the later <c>iat</c>, then the later <c>exp</c>; 0 when the two cannot be told apart.</summary>
    internal int CompareIssue(SessionTokenStamp other)
    {
        int byIssue = IssuedAt.CompareTo(other.IssuedAt);
        return byIssue != 0 || ExpiresAt is not { } expires || other.ExpiresAt is not { } otherExpires ? byIssue : expires.CompareTo(otherExpires);
    }

    private static SessionTokenStamp? ReadClaims(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = 16 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            decimal? issuedAt = null;
            decimal? expiresAt = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isIssuedAt = reader.ValueTextEquals("iat"u8);
                bool isExpiresAt = !isIssuedAt && reader.ValueTextEquals("exp"u8);
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number && (isIssuedAt || isExpiresAt) && reader.TryGetDecimal(out decimal value))
                {
                    if (isIssuedAt)
                    {
                        issuedAt = value;
                    }
                    else
                    {
                        expiresAt = value;
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            return issuedAt is { } iat ? new SessionTokenStamp(iat, expiresAt) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
