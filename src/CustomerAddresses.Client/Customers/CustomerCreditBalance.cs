using System.Globalization;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client;

/// <summary>
/// A customer's credit balance in one currency (Paddle), from <see cref="CustomersClient.ListCreditBalancesAsync(CustomerId, IReadOnlyList{string}?, CancellationToken)"/>.
/// </summary>
public sealed record CustomerCreditBalance
{
    /// <summary>Gets the customer the balance belongs to.</summary>
    [JsonPropertyName("customer_id")]
    public CustomerId? CustomerId { get; init; }

    /// <summary>Gets the three-letter ISO 4217 currency of the balance, such as <c>USD</c>.</summary>
    [JsonPropertyName("currency_code")]
    public string? CurrencyCode { get; init; }

    /// <summary>Gets the totals of the balance.</summary>
    [JsonPropertyName("balance")]
    public CreditBalanceTotals? Balance { get; init; }
}

/// <summary>
/// The three totals of a credit balance, each in the lowest denomination of its currency (cents for USD), as strings,
/// exactly as Paddle sends them: <c>"550"</c> is 5.50 USD. Parse them with <see cref="decimal.Parse(string, IFormatProvider)"/>
/// and <see cref="CultureInfo.InvariantCulture"/> when you need numbers.
/// </summary>
public sealed record CreditBalanceTotals
{
    /// <summary>Gets the total available to use.</summary>
    [JsonPropertyName("available")]
    public string? Available { get; init; }

    /// <summary>Gets the total temporarily reserved for billed transactions.</summary>
    [JsonPropertyName("reserved")]
    public string? Reserved { get; init; }

    /// <summary>Gets the total amount of credit used.</summary>
    [JsonPropertyName("used")]
    public string? Used { get; init; }
}
