using System.ComponentModel;
using System.Text.Json.Serialization;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client;

/// <summary>
/// The status of a customer account.
/// </summary>
/// <remarks>
/// Known values are static properties; a value the server adds later is kept as it is, so comparing with
/// <c>==</c> is safe. Comparison ignores case.
/// </remarks>
[JsonConverter(typeof(ExpandableValueJsonConverter<CustomerStatus>))]
public readonly struct CustomerStatus : IEquatable<CustomerStatus>, IExpandableValue<CustomerStatus>
{
    private readonly string? _value;

    /// <summary>Initializes a new instance with any value, known or not.</summary>
    /// <param name="value">The wire value.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public CustomerStatus(string value) => _value = ExpandableValue.Require(value, nameof(value));

    /// <summary>The account is active and in good standing (<c>active</c>).</summary>
    public static CustomerStatus Active { get; } = new("active");

    /// <summary>The account is inactive and may need reactivation (<c>inactive</c>).</summary>
    public static CustomerStatus Inactive { get; } = new("inactive");

    /// <summary>The account is suspended, for example because of payment problems (<c>suspended</c>).</summary>
    public static CustomerStatus Suspended { get; } = new("suspended");

    /// <summary>The customer is archived (Paddle) (<c>archived</c>).</summary>
    public static CustomerStatus Archived { get; } = new("archived");

    /// <summary>Gets the wire value; empty for a default instance.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(CustomerStatus left, CustomerStatus right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(CustomerStatus left, CustomerStatus right) => !left.Equals(right);

    /// <summary>Converts a string to a <see cref="CustomerStatus"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator CustomerStatus(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(CustomerStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is CustomerStatus other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The same as <see cref="Value"/>.</returns>
    public override string ToString() => Value;

    static CustomerStatus IExpandableValue<CustomerStatus>.FromServer(string value) => new(value, fromServer: true);

    private CustomerStatus(string value, bool fromServer) => _value = value;
}
