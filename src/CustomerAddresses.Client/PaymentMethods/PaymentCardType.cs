using System.ComponentModel;
using System.Text.Json.Serialization;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client;

/// <summary>
/// The scheme of a saved card (Paddle's <c>card.type</c>).
/// </summary>
/// <remarks>
/// Known values are static properties; a value the server adds later is kept as it is, so comparing with
/// <c>==</c> is safe. Comparison ignores case.
/// </remarks>
[JsonConverter(typeof(ExpandableValueJsonConverter<PaymentCardType>))]
public readonly struct PaymentCardType : IEquatable<PaymentCardType>, IExpandableValue<PaymentCardType>
{
    private readonly string? _value;

    /// <summary>Initializes a new instance with any value, known or not.</summary>
    /// <param name="value">The wire value.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public PaymentCardType(string value) => _value = ExpandableValue.Require(value, nameof(value));

    /// <summary>American Express (<c>american_express</c>).</summary>
    public static PaymentCardType AmericanExpress { get; } = new("american_express");

    /// <summary>Diners Club (<c>diners_club</c>).</summary>
    public static PaymentCardType DinersClub { get; } = new("diners_club");

    /// <summary>Discover (<c>discover</c>).</summary>
    public static PaymentCardType Discover { get; } = new("discover");

    /// <summary>JCB (<c>jcb</c>).</summary>
    public static PaymentCardType Jcb { get; } = new("jcb");

    /// <summary>mada (<c>mada</c>).</summary>
    public static PaymentCardType Mada { get; } = new("mada");

    /// <summary>Maestro (<c>maestro</c>).</summary>
    public static PaymentCardType Maestro { get; } = new("maestro");

    /// <summary>Mastercard (<c>mastercard</c>).</summary>
    public static PaymentCardType Mastercard { get; } = new("mastercard");

    /// <summary>UnionPay (<c>union_pay</c>).</summary>
    public static PaymentCardType UnionPay { get; } = new("union_pay");

    /// <summary>A scheme Paddle could not tell (<c>unknown</c>).</summary>
    public static PaymentCardType Unknown { get; } = new("unknown");

    /// <summary>Visa (<c>visa</c>).</summary>
    public static PaymentCardType Visa { get; } = new("visa");

    /// <summary>Gets the wire value; empty for a default instance.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(PaymentCardType left, PaymentCardType right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(PaymentCardType left, PaymentCardType right) => !left.Equals(right);

    /// <summary>Converts a string to a <see cref="PaymentCardType"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator PaymentCardType(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(PaymentCardType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is PaymentCardType other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The same as <see cref="Value"/>.</returns>
    public override string ToString() => Value;

    static PaymentCardType IExpandableValue<PaymentCardType>.FromServer(string value) => new(value, fromServer: true);

    private PaymentCardType(string value, bool fromServer) => _value = value;
}
