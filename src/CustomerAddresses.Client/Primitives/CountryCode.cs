using System.ComponentModel;
using System.Text.Json.Serialization;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client;

/// <summary>
/// A country code. Requests require an ISO 3166-1 alpha-2 code that ISO assigns to a country, in upper case, such as
/// <c>US</c> (or <c>XK</c>, Kosovo, which Paddle uses); responses keep whatever the server sent (one documented example
/// sends <c>Tanzania</c>). <see cref="Parse"/> refuses anything else with a clear message.
/// </summary>
/// <remarks>
/// Known values are static properties; a value the server adds later is kept as it is, so comparing with
/// <c>==</c> is safe. Comparison ignores case.
/// </remarks>
[JsonConverter(typeof(ExpandableValueJsonConverter<CountryCode>))]
public readonly struct CountryCode : IEquatable<CountryCode>, IExpandableValue<CountryCode>
{
    private readonly string? _value;

    /// <summary>Initializes a new instance with any value, known or not.</summary>
    /// <param name="value">The wire value.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public CountryCode(string value) => _value = ExpandableValue.Require(value, nameof(value));

    /// <summary>
    /// Gets whether the value is an ISO 3166-1 alpha-2 code assigned to a country (or <c>XK</c>), in upper case: the only
    /// values a request may carry. A value read from a server may be anything.
    /// </summary>
    public bool IsIsoAlpha2 => IsoCountries.IsAssigned(Value);

    /// <summary>Parses an ISO 3166-1 alpha-2 country code, such as <c>US</c>.</summary>
    /// <param name="value">Two upper-case letters that ISO assigns to a country (or <c>XK</c>).</param>
    /// <returns>The country code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not such a code; the message says what is expected.</exception>
    public static CountryCode Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out CountryCode code)
            ? code
            : throw new ArgumentException(
                $"{Echo.Quote(value, 32)} is not an ISO 3166-1 alpha-2 country code: expected two upper-case letters that ISO assigns to a country, such as 'US' or 'DE'.",
                nameof(value));
    }

    /// <summary>Parses an ISO 3166-1 alpha-2 country code without throwing.</summary>
    /// <param name="value">The text to parse.</param>
    /// <param name="countryCode">The country code, or the default value when the text is not one.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is two upper-case letters that ISO assigns to a country (or <c>XK</c>).</returns>
    public static bool TryParse([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value, out CountryCode countryCode)
    {
        countryCode = value is not null && IsoCountries.IsAssigned(value) ? new CountryCode(value, fromServer: false) : default;
        return countryCode.Value.Length > 0;
    }

    /// <summary>United States (<c>US</c>).</summary>
    public static CountryCode UnitedStates { get; } = new("US");

    /// <summary>United Kingdom (<c>GB</c>).</summary>
    public static CountryCode UnitedKingdom { get; } = new("GB");

    /// <summary>Germany (<c>DE</c>).</summary>
    public static CountryCode Germany { get; } = new("DE");

    /// <summary>France (<c>FR</c>).</summary>
    public static CountryCode France { get; } = new("FR");

    /// <summary>Canada (<c>CA</c>).</summary>
    public static CountryCode Canada { get; } = new("CA");

    /// <summary>Rwanda (<c>RW</c>).</summary>
    public static CountryCode Rwanda { get; } = new("RW");

    /// <summary>Tanzania (<c>TZ</c>).</summary>
    public static CountryCode Tanzania { get; } = new("TZ");

    /// <summary>Gets the wire value; empty for a default instance.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(CountryCode left, CountryCode right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(CountryCode left, CountryCode right) => !left.Equals(right);

    /// <summary>Converts a string to a <see cref="CountryCode"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator CountryCode(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(CountryCode other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is CountryCode other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The same as <see cref="Value"/>.</returns>
    public override string ToString() => Value;

    static CountryCode IExpandableValue<CountryCode>.FromServer(string value) => new(value, fromServer: true);

    private CountryCode(string value, bool fromServer) => _value = value;
}
