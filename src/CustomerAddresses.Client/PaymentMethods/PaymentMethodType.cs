using System.ComponentModel;
using System.Text.Json.Serialization;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client;

/// <summary>
/// The kind of a saved payment method (Paddle's <c>type</c>).
/// </summary>
/// <remarks>
/// Known values are static properties; a value the server adds later is kept as it is, so comparing with
/// <c>==</c> is safe. Comparison ignores case.
/// </remarks>
[JsonConverter(typeof(ExpandableValueJsonConverter<PaymentMethodType>))]
public readonly struct PaymentMethodType : IEquatable<PaymentMethodType>, IExpandableValue<PaymentMethodType>
{
    private readonly string? _value;

    /// <summary>Initializes a new instance with any value, known or not.</summary>
    /// <param name="value">The wire value.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public PaymentMethodType(string value) => _value = ExpandableValue.Require(value, nameof(value));

    /// <summary>Alipay (<c>alipay</c>).</summary>
    public static PaymentMethodType Alipay { get; } = new("alipay");

    /// <summary>Apple Pay (<c>apple_pay</c>).</summary>
    public static PaymentMethodType ApplePay { get; } = new("apple_pay");

    /// <summary>BLIK (<c>blik</c>).</summary>
    public static PaymentMethodType Blik { get; } = new("blik");

    /// <summary>A card: see <see cref="PaymentMethod.Card"/> (<c>card</c>).</summary>
    public static PaymentMethodType Card { get; } = new("card");

    /// <summary>Google Pay (<c>google_pay</c>).</summary>
    public static PaymentMethodType GooglePay { get; } = new("google_pay");

    /// <summary>Kakao Pay (<c>kakao_pay</c>).</summary>
    public static PaymentMethodType KakaoPay { get; } = new("kakao_pay");

    /// <summary>A Korean local payment method (<c>korea_local</c>).</summary>
    public static PaymentMethodType KoreaLocal { get; } = new("korea_local");

    /// <summary>A South Korean local card: see <see cref="PaymentMethod.SouthKoreaLocalCard"/> (<c>south_korea_local_card</c>).</summary>
    public static PaymentMethodType SouthKoreaLocalCard { get; } = new("south_korea_local_card");

    /// <summary>MB WAY (<c>mb_way</c>).</summary>
    public static PaymentMethodType MbWay { get; } = new("mb_way");

    /// <summary>Naver Pay (<c>naver_pay</c>).</summary>
    public static PaymentMethodType NaverPay { get; } = new("naver_pay");

    /// <summary>PAYCO (<c>payco</c>).</summary>
    public static PaymentMethodType Payco { get; } = new("payco");

    /// <summary>PayPal: see <see cref="PaymentMethod.PayPal"/> (<c>paypal</c>).</summary>
    public static PaymentMethodType PayPal { get; } = new("paypal");

    /// <summary>Pix (<c>pix</c>).</summary>
    public static PaymentMethodType Pix { get; } = new("pix");

    /// <summary>Samsung Pay (<c>samsung_pay</c>).</summary>
    public static PaymentMethodType SamsungPay { get; } = new("samsung_pay");

    /// <summary>UPI (<c>upi</c>).</summary>
    public static PaymentMethodType Upi { get; } = new("upi");

    /// <summary>WeChat Pay (<c>wechat_pay</c>).</summary>
    public static PaymentMethodType WeChatPay { get; } = new("wechat_pay");

    /// <summary>Gets the wire value; empty for a default instance.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(PaymentMethodType left, PaymentMethodType right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(PaymentMethodType left, PaymentMethodType right) => !left.Equals(right);

    /// <summary>Converts a string to a <see cref="PaymentMethodType"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator PaymentMethodType(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(PaymentMethodType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is PaymentMethodType other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The same as <see cref="Value"/>.</returns>
    public override string ToString() => Value;

    static PaymentMethodType IExpandableValue<PaymentMethodType>.FromServer(string value) => new(value, fromServer: true);

    private PaymentMethodType(string value, bool fromServer) => _value = value;
}
