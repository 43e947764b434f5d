using System.Globalization;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client;

/// <summary>
/// An authentication token for a customer (Paddle), to pass to Paddle.js when opening a checkout so the customer can use
/// saved payment methods. It is a credential: it is never written by <see cref="ToString"/>, and it should not be cached
/// past <see cref="ExpiresAt"/>.
/// </summary>
public sealed record CustomerAuthToken
{
    /// <summary>Gets the token, prefixed with <c>pca_</c>.</summary>
    [JsonPropertyName("customer_auth_token")]
    public string Token { get; init; } = string.Empty;

    /// <summary>Gets when the token stops being valid.</summary>
    [JsonPropertyName("expires_at")]
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Writes the expiry only: the token is a credential.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"ExpiresAt = {ExpiresAt:O}, (token not shown)");
        return true;
    }
}
