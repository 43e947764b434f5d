using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client;

/// <summary>A customer as the API returns it.</summary>
public sealed record Customer
{
    /// <summary>Gets the customer's id (<c>ctm_</c> or <c>cus_</c>).</summary>
    [JsonPropertyName("id")]
    public required CustomerId Id { get; init; }

    /// <summary>Gets the full name of the person or organization.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the email address used for communication and receipts.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>Gets the phone number, if any.</summary>
    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    /// <summary>Gets the customer's billing city and country, if any.</summary>
    [JsonPropertyName("address")]
    public CustomerPostalAddress? Address { get; init; }

    /// <summary>Gets the id of the customer's payment method, such as <c>card_…</c>, if any.</summary>
    [JsonPropertyName("payment_method")]
    public string? PaymentMethod { get; init; }

    /// <summary>Gets the account status; unknown server values are kept as they are.</summary>
    [JsonPropertyName("status")]
    public CustomerStatus? Status { get; init; }

    /// <summary>Gets the customer's locale (Paddle), if any.</summary>
    [JsonPropertyName("locale")]
    public string? Locale { get; init; }

    /// <summary>Gets whether the customer agreed to marketing (Paddle), if the server says.</summary>
    [JsonPropertyName("marketing_consent")]
    public bool? MarketingConsent { get; init; }

    /// <summary>Gets your own structured key-value data.</summary>
    [JsonPropertyName("custom_data")]
    public JsonObject? CustomData { get; init; }

    /// <summary>Gets where the customer was imported from, if it was.</summary>
    [JsonPropertyName("import_meta")]
    public ImportMeta? ImportMeta { get; init; }

    /// <summary>Gets when the customer was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the customer was last updated.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Writes the members that carry no personal data; read the properties for the rest.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Id = {Id}, Status = {Status}, Locale = {Locale}, CreatedAt = {CreatedAt:O}, UpdatedAt = {UpdatedAt:O}, (name, email, phone, address, payment method and custom data not shown)");
        return true;
    }
}
