using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client;

/// <summary>The body of <see cref="CustomersClient.CreateAsync(CreateCustomerRequest, CancellationToken)"/>. Members left <see langword="null"/> are not sent.</summary>
public sealed record CreateCustomerRequest
{
    /// <summary>Gets the full name of the person or organization. Required by the /api/v1 API; optional on Paddle.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the email address. Required; the server may refuse a duplicate with a <see cref="ConflictException"/>.</summary>
    [JsonPropertyName("email")]
    public required string Email { get; init; }

    /// <summary>Gets the phone number (/api/v1 only).</summary>
    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    /// <summary>Gets the billing city and country; the country must be an ISO 3166-1 alpha-2 code (/api/v1 only).</summary>
    [JsonPropertyName("address")]
    public CustomerPostalAddress? Address { get; init; }

    /// <summary>Gets the id of the payment method, such as <c>card_…</c> (/api/v1 only).</summary>
    [JsonPropertyName("payment_method")]
    public string? PaymentMethod { get; init; }

    /// <summary>Gets the initial account status (/api/v1 only).</summary>
    [JsonPropertyName("status")]
    public CustomerStatus? Status { get; init; }

    /// <summary>Gets the customer's locale, such as <c>en</c> (Paddle only).</summary>
    [JsonPropertyName("locale")]
    public string? Locale { get; init; }

    /// <summary>Gets your own structured key-value data.</summary>
    [JsonPropertyName("custom_data")]
    public JsonObject? CustomData { get; init; }

    /// <summary>Writes the members that carry no personal data; read the properties for the rest.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Status = {Status}, Locale = {Locale}, (name, email, phone, address, payment method and custom data not shown)");
        return true;
    }
}
