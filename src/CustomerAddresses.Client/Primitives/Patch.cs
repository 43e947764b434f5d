using System.ComponentModel;

namespace CustomerAddresses.Client;

/// <summary>
/// One member of an update, in one of three states: left as it is (the default: the member is not sent), cleared
/// (sent as JSON <c>null</c>), or set to a value. Write <c>Name = "Jo"</c> to set, <c>Name = null</c> or
/// <c>Name = Patch&lt;string&gt;.Clear</c> to clear, and leave the member out to keep the server's value.
/// </summary>
/// <typeparam name="T">The member's type.</typeparam>
public readonly struct Patch<T> : IEquatable<Patch<T>>
    where T : class
{
    private readonly T? _value;
    private readonly bool _specified;

    private Patch(T? value)
    {
        _value = value;
        _specified = true;
    }

    /// <summary>Gets a patch that leaves the member as it is: nothing is sent. The same as <c>default</c>.</summary>
    public static Patch<T> Unchanged => default;

    /// <summary>Gets a patch that clears the member: JSON <c>null</c> is sent.</summary>
    public static Patch<T> Clear => new(null);

    /// <summary>Gets whether the member is sent at all (cleared or set).</summary>
    public bool IsSpecified => _specified;

    /// <summary>Gets whether the member is cleared.</summary>
    public bool IsClear => _specified && _value is null;

    /// <summary>Gets the value the member is set to, or <see langword="null"/> when it is left as it is or cleared.</summary>
    public T? Value => _value;

    /// <summary>Sets the member to a value; <see langword="null"/> clears it.</summary>
    /// <param name="value">The new value, or <see langword="null"/> to clear.</param>
    public static implicit operator Patch<T>(T? value) => new(value);

    /// <summary>Sets the member to a value; <see langword="null"/> clears it.</summary>
    /// <param name="value">The new value, or <see langword="null"/> to clear.</param>
    /// <returns>The patch.</returns>
    public static Patch<T> Set(T? value) => new(value);

    /// <summary>Compares two patches.</summary>
    /// <param name="left">The first patch.</param>
    /// <param name="right">The second patch.</param>
    /// <returns><see langword="true"/> when they are in the same state with equal values.</returns>
    public static bool operator ==(Patch<T> left, Patch<T> right) => left.Equals(right);

    /// <summary>Compares two patches.</summary>
    /// <param name="left">The first patch.</param>
    /// <param name="right">The second patch.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Patch<T> left, Patch<T> right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(Patch<T> other) => _specified == other._specified && EqualityComparer<T?>.Default.Equals(_value, other._value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is Patch<T> other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => HashCode.Combine(_specified, _value);

    /// <summary>Says which state the patch is in, without the value (it may be personal data).</summary>
    /// <returns><c>(unchanged)</c>, <c>(clear)</c> or <c>(set)</c>.</returns>
    public override string ToString() => !_specified ? "(unchanged)" : _value is null ? "(clear)" : "(set)";
}
