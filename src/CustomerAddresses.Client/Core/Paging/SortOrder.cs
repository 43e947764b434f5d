using System.ComponentModel;
using System.Text.Json.Serialization;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client;

/// <summary>
/// The direction in which a list is ordered by id (<c>order_by=id[ASC]</c> or <c>id[DESC]</c>).
/// </summary>
/// <remarks>
/// Known values are static properties; a value the server adds later is kept as it is, so comparing with
/// <c>==</c> is safe. Comparison ignores case.
/// </remarks>
[JsonConverter(typeof(ExpandableValueJsonConverter<SortOrder>))]
public readonly struct SortOrder : IEquatable<SortOrder>, IExpandableValue<SortOrder>
{
    private readonly string? _value;

    /// <summary>Initializes a new instance with any value, known or not.</summary>
    /// <param name="value">The wire value.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public SortOrder(string value) => _value = ExpandableValue.Require(value, nameof(value));

    /// <summary>Oldest first (<c>ASC</c>).</summary>
    public static SortOrder Ascending { get; } = new("ASC");

    /// <summary>Newest first, the server default (<c>DESC</c>).</summary>
    public static SortOrder Descending { get; } = new("DESC");

    /// <summary>Gets the wire value; empty for a default instance.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(SortOrder left, SortOrder right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(SortOrder left, SortOrder right) => !left.Equals(right);

    /// <summary>Converts a string to a <see cref="SortOrder"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator SortOrder(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(SortOrder other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is SortOrder other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The same as <see cref="Value"/>.</returns>
    public override string ToString() => Value;

    static SortOrder IExpandableValue<SortOrder>.FromServer(string value) => new(value, fromServer: true);

    private SortOrder(string value, bool fromServer) => _value = value;
}
