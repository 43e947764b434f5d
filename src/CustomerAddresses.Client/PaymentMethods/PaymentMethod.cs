using System.Globalization;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client;

/// <summary>
/// A payment method a customer saved at checkout, as Paddle returns it: its kind and the details of that kind (a card's
/// scheme, last four digits and expiry; a PayPal account), the address it was saved with, where and when it was saved.
/// Listed, shown and deleted by the seller; only a checkout saves one.
/// </summary>
public sealed record PaymentMethod
{
    private CustomerId _customerId;

    /// <summary>Gets the payment method id (<c>paymtd_</c>).</summary>
    [JsonPropertyName("id")]
    public required PaymentMethodId Id { get; init; }

    /// <summary>Gets the id of the customer who saved it; filled in from the request when the server leaves it out.</summary>
    [JsonPropertyName("customer_id")]
    public CustomerId CustomerId { get => _customerId; init => _customerId = value; }

    /// <summary>Gets the id of the address it was saved with.</summary>
    [JsonPropertyName("address_id")]
    public AddressId? AddressId { get; init; }

    /// <summary>Gets its kind; a kind Paddle adds later is kept as it is.</summary>
    [JsonPropertyName("type")]
    public PaymentMethodType? Type { get; init; }

    /// <summary>Gets the card's details when <see cref="Type"/> is <see cref="PaymentMethodType.Card"/>.</summary>
    [JsonPropertyName("card")]
    public PaymentCard? Card { get; init; }

    /// <summary>Gets the PayPal account's details when <see cref="Type"/> is <see cref="PaymentMethodType.PayPal"/>.</summary>
    [JsonPropertyName("paypal")]
    public PayPalAccount? PayPal { get; init; }

    /// <summary>Gets the card's details when <see cref="Type"/> is <see cref="PaymentMethodType.SouthKoreaLocalCard"/>.</summary>
    [JsonPropertyName("south_korea_local_card")]
    public SouthKoreaLocalCard? SouthKoreaLocalCard { get; init; }

    /// <summary>Gets where it was saved; an origin Paddle adds later is kept as it is.</summary>
    [JsonPropertyName("origin")]
    public PaymentMethodOrigin? Origin { get; init; }

    /// <summary>Gets when it was saved.</summary>
    [JsonPropertyName("saved_at")]
    public DateTimeOffset? SavedAt { get; init; }

    /// <summary>Gets when it was last updated.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Fills in the customer id of a payment method whose server left it out, without copying the record.</summary>
    internal void FillMissingCustomerId(CustomerId customerId)
    {
        if (_customerId.Value.Length == 0)
        {
            _customerId = customerId;
        }
    }

    /// <summary>Writes the members that carry no personal data: the card's holder and the PayPal account are left out.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Id = {Id}, CustomerId = {CustomerId}, AddressId = {AddressId}, Type = {Type}, Card = {Card}, Origin = {Origin}, SavedAt = {SavedAt:O}, UpdatedAt = {UpdatedAt:O}, (the PayPal account not shown)");
        return true;
    }
}

/// <summary>A saved card: its scheme, last four digits and expiry, and the name on it.</summary>
public sealed record PaymentCard
{
    /// <summary>Gets the card's scheme; a scheme Paddle adds later is kept as it is.</summary>
    [JsonPropertyName("type")]
    public PaymentCardType? Type { get; init; }

    /// <summary>Gets the last four digits of the card number.</summary>
    [JsonPropertyName("last4")]
    public string? Last4 { get; init; }

    /// <summary>Gets the month the card expires, 1 to 12.</summary>
    [JsonPropertyName("expiry_month")]
    public int? ExpiryMonth { get; init; }

    /// <summary>Gets the year the card expires.</summary>
    [JsonPropertyName("expiry_year")]
    public int? ExpiryYear { get; init; }

    /// <summary>Gets the name on the card.</summary>
    [JsonPropertyName("cardholder_name")]
    public string? CardholderName { get; init; }

    /// <summary>Writes the scheme, the last four digits and the expiry; the holder's name is left out.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Type = {Type}, Last4 = {Last4}, ExpiryMonth = {ExpiryMonth}, ExpiryYear = {ExpiryYear}, (cardholder name not shown)");
        return true;
    }
}

/// <summary>A saved PayPal account: its email address and Paddle's reference for it.</summary>
public sealed record PayPalAccount
{
    /// <summary>Gets the account's email address.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>Gets PayPal's reference for the account (a billing agreement).</summary>
    [JsonPropertyName("reference")]
    public string? Reference { get; init; }

    /// <summary>Writes nothing of the account: its email and reference identify the customer.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("(email and reference not shown)");
        return true;
    }
}

/// <summary>A saved South Korean local card: its issuer and last four digits.</summary>
public sealed record SouthKoreaLocalCard
{
    /// <summary>Gets the card's issuer, such as <c>kookmin</c> or <c>shinhan</c>, as Paddle names it.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets the last four digits of the card number.</summary>
    [JsonPropertyName("last4")]
    public string? Last4 { get; init; }
}
