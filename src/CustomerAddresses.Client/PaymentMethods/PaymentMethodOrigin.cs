using System.ComponentModel;
using System.Text.Json.Serialization;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client;

/// <summary>
/// Where a payment method was saved (Paddle's <c>origin</c>).
/// </summary>
/// <remarks>
/// Known values are static properties; a value the server adds later is kept as it is, so comparing with
/// <c>==</c> is safe. Comparison ignores case.
/// </remarks>
[JsonConverter(typeof(ExpandableValueJsonConverter<PaymentMethodOrigin>))]
public readonly struct PaymentMethodOrigin : IEquatable<PaymentMethodOrigin>, IExpandableValue<PaymentMethodOrigin>
{
    private readonly string? _value;

    /// <summary>Initializes a new instance with any value, known or not.</summary>
    /// <param name="value">The wire value.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public PaymentMethodOrigin(string value) => _value = ExpandableValue.Require(value, nameof(value));

    /// <summary>The customer chose to save it at checkout (<c>saved_during_purchase</c>).</summary>
    public static PaymentMethodOrigin SavedDuringPurchase { get; } = new("saved_during_purchase");

    /// <summary>Saved for a subscription's renewals and changes (<c>subscription</c>).</summary>
    public static PaymentMethodOrigin Subscription { get; } = new("subscription");

    /// <summary>Gets the wire value; empty for a default instance.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(PaymentMethodOrigin left, PaymentMethodOrigin right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(PaymentMethodOrigin left, PaymentMethodOrigin right) => !left.Equals(right);

    /// <summary>Converts a string to a <see cref="PaymentMethodOrigin"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator PaymentMethodOrigin(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(PaymentMethodOrigin other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is PaymentMethodOrigin other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The same as <see cref="Value"/>.</returns>
    public override string ToString() => Value;

    static PaymentMethodOrigin IExpandableValue<PaymentMethodOrigin>.FromServer(string value) => new(value, fromServer: true);

    private PaymentMethodOrigin(string value, bool fromServer) => _value = value;
}
