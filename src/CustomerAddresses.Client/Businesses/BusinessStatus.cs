using System.ComponentModel;
using System.Text.Json.Serialization;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client;

/// <summary>
/// The status of a business.
/// </summary>
/// <remarks>
/// Known values are static properties; a value the server adds later is kept as it is, so comparing with
/// <c>==</c> is safe. Comparison ignores case.
/// </remarks>
[JsonConverter(typeof(ExpandableValueJsonConverter<BusinessStatus>))]
public readonly struct BusinessStatus : IEquatable<BusinessStatus>, IExpandableValue<BusinessStatus>
{
    private readonly string? _value;

    /// <summary>Initializes a new instance with any value, known or not.</summary>
    /// <param name="value">The wire value.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public BusinessStatus(string value) => _value = ExpandableValue.Require(value, nameof(value));

    /// <summary>The business is active and can be used (<c>active</c>).</summary>
    public static BusinessStatus Active { get; } = new("active");

    /// <summary>The business is archived and cannot be used for billing (<c>archived</c>).</summary>
    public static BusinessStatus Archived { get; } = new("archived");

    /// <summary>Gets the wire value; empty for a default instance.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(BusinessStatus left, BusinessStatus right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(BusinessStatus left, BusinessStatus right) => !left.Equals(right);

    /// <summary>Converts a string to a <see cref="BusinessStatus"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator BusinessStatus(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(BusinessStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is BusinessStatus other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The same as <see cref="Value"/>.</returns>
    public override string ToString() => Value;

    static BusinessStatus IExpandableValue<BusinessStatus>.FromServer(string value) => new(value, fromServer: true);

    private BusinessStatus(string value, bool fromServer) => _value = value;
}
