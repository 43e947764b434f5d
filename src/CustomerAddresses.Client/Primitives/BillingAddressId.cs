using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client;

/// <summary>
/// The id of an organization billing address: <c>billing_</c> followed by letters, digits, <c>_</c> or <c>-</c> (seed 004),
/// or the 64-bit snowflake number Wacht's server issues, such as <c>7318049210374193152</c>.
/// </summary>
/// <remarks>
/// A value can only be obtained from <see cref="Parse(string)"/>, <see cref="TryParse(string?, out BillingAddressId)"/> or a
/// server response, so every instance is safe to place in a URL path. <c>default(BillingAddressId)</c> is refused by every
/// client method.
/// </remarks>
[JsonConverter(typeof(TypedIdJsonConverter<BillingAddressId>))]
public readonly record struct BillingAddressId : ITypedId<BillingAddressId>, IParsable<BillingAddressId>
{
    private static readonly string[] s_prefixes = ["billing_"];
    private readonly string? _value;

    private BillingAddressId(string value) => _value = value;

    /// <summary>Gets the raw id exactly as the API uses it; empty for a default instance.</summary>
    public string Value => _value ?? string.Empty;

    static string ITypedId<BillingAddressId>.Description => "billing address id";

    /// <summary>Parses a raw id.</summary>
    /// <param name="value">The raw id.</param>
    /// <returns>The typed id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid billing address id.</exception>
    public static BillingAddressId Parse(string value) => TypedId.Parse<BillingAddressId>(value, nameof(value));

    /// <summary>Parses a raw id; the format provider is ignored.</summary>
    /// <param name="s">The raw id.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The typed id.</returns>
    /// <exception cref="ArgumentException"><paramref name="s"/> is not a valid billing address id.</exception>
    public static BillingAddressId Parse(string s, IFormatProvider? provider) => TypedId.Parse<BillingAddressId>(s, nameof(s));

    /// <summary>Tries to parse a raw id.</summary>
    /// <param name="value">The raw id.</param>
    /// <param name="result">The typed id when the value is valid; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is a valid billing address id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out BillingAddressId result) => TypedId.TryParse(value, out result);

    /// <summary>Tries to parse a raw id; the format provider is ignored.</summary>
    /// <param name="s">The raw id.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The typed id when the value is valid; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid billing address id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out BillingAddressId result) => TypedId.TryParse(s, out result);

    /// <summary>Returns the raw id.</summary>
    /// <returns>The same as <see cref="Value"/>.</returns>
    public override string ToString() => Value;

    static BillingAddressId ITypedId<BillingAddressId>.FromValidated(string value) => new(value);

    static string? ITypedId<BillingAddressId>.Validate(string? value) =>
        value is { Length: > 0 and <= 20 } && value.All(char.IsAsciiDigit) ? null : TypedId.Validate(value, s_prefixes);
}
