using System.ComponentModel;
using System.Text.Json.Serialization;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client;

/// <summary>
/// A country code. Requests require a two-letter upper-case ISO 3166-1 alpha-2 code such as <c>US</c>; responses keep whatever the server sent (one documented example sends <c>Tanzania</c>).
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
