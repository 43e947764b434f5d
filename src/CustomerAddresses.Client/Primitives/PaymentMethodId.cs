using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client;

/// <summary>
/// The id of a saved payment method: <c>paymtd_</c> followed by letters, digits, <c>_</c> or <c>-</c>.
/// </summary>
/// <remarks>
/// A value can only be obtained from <see cref="Parse(string)"/>, <see cref="TryParse(string?, out PaymentMethodId)"/> or a
/// server response, so every instance is safe to place in a URL path. <c>default(PaymentMethodId)</c> is refused by every
/// client method.
/// </remarks>
[JsonConverter(typeof(TypedIdJsonConverter<PaymentMethodId>))]
public readonly record struct PaymentMethodId : ITypedId<PaymentMethodId>, IParsable<PaymentMethodId>
{
    private static readonly string[] s_prefixes = ["paymtd_"];
    private readonly string? _value;

    private PaymentMethodId(string value) => _value = value;

    /// <summary>Gets the raw id exactly as the API uses it; empty for a default instance.</summary>
    public string Value => _value ?? string.Empty;

    static string ITypedId<PaymentMethodId>.Description => "payment method id";

    /// <summary>Parses a raw id.</summary>
    /// <param name="value">The raw id.</param>
    /// <returns>The typed id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid payment method id.</exception>
    public static PaymentMethodId Parse(string value) => TypedId.Parse<PaymentMethodId>(value, nameof(value));

    /// <summary>Parses a raw id; the format provider is ignored.</summary>
    /// <param name="s">The raw id.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The typed id.</returns>
    /// <exception cref="ArgumentException"><paramref name="s"/> is not a valid payment method id.</exception>
    public static PaymentMethodId Parse(string s, IFormatProvider? provider) => TypedId.Parse<PaymentMethodId>(s, nameof(s));

    /// <summary>Tries to parse a raw id.</summary>
    /// <param name="value">The raw id.</param>
    /// <param name="result">The typed id when the value is valid; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is a valid payment method id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out PaymentMethodId result) => TypedId.TryParse(value, out result);

    /// <summary>Tries to parse a raw id; the format provider is ignored.</summary>
    /// <param name="s">The raw id.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The typed id when the value is valid; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid payment method id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out PaymentMethodId result) => TypedId.TryParse(s, out result);

    /// <summary>Returns the raw id.</summary>
    /// <returns>The same as <see cref="Value"/>.</returns>
    public override string ToString() => Value;

    static PaymentMethodId ITypedId<PaymentMethodId>.FromValidated(string value) => new(value);

    static string? ITypedId<PaymentMethodId>.Validate(string? value) => TypedId.Validate(value, s_prefixes);
}
