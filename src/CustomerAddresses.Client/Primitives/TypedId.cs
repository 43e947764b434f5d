using System.Diagnostics.CodeAnalysis;

namespace CustomerAddresses.Client.Primitives;

/// <summary>Implemented by the typed ids so that one converter and one rule set serve them all.</summary>
internal interface ITypedId<TSelf> where TSelf : struct, ITypedId<TSelf>
{
    /// <summary>Human name of the id used in messages, such as "customer id".</summary>
    static abstract string Description { get; }

    /// <summary>Creates the id from a value already checked by <see cref="TypedId.Validate"/>.</summary>
    static abstract TSelf FromValidated(string value);

    /// <summary>Checks a raw value; returns <see langword="null"/> when valid, otherwise why not.</summary>
    static abstract string? Validate(string? value);

    /// <summary>The raw value; empty for a default instance.</summary>
    string Value { get; }
}

/// <summary>
/// The rules every id follows before it may go into a URL path. Refit escapes <c>/</c> but not
/// <c>.</c> or <c>..</c>, which would address another endpoint, so the character set is kept conservative:
/// ASCII letters, digits, <c>_</c> and <c>-</c>.
/// </summary>
internal static class TypedId
{
    internal const int MaxLength = 255;

    internal static string? Validate(string? value, ReadOnlySpan<string> prefixes)
    {
        if (value is null)
        {
            return "must not be null";
        }

        if (value.Length == 0)
        {
            return "must not be empty";
        }

        if (value.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters long";
        }

        foreach (char c in value)
        {
            if (!IsAllowed(c))
            {
                return "may contain only ASCII letters, digits, '_' and '-'";
            }
        }

        if (prefixes.IsEmpty)
        {
            return null;
        }

        foreach (string prefix in prefixes)
        {
            if (value.Length > prefix.Length && value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return prefixes.Length == 1
            ? $"must start with '{prefixes[0]}' followed by at least one character"
            : $"must start with one of '{string.Join("', '", prefixes.ToArray())}' followed by at least one character";
    }

    internal static bool IsAllowed(char c) =>
        char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-';

    internal static TSelf Parse<TSelf>(string value, string paramName)
        where TSelf : struct, ITypedId<TSelf>
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        string? problem = TSelf.Validate(value);
        if (problem is not null)
        {
            throw new ArgumentException(Describe<TSelf>(value, problem), paramName);
        }

        return TSelf.FromValidated(value);
    }

    internal static bool TryParse<TSelf>([NotNullWhen(true)] string? value, out TSelf result)
        where TSelf : struct, ITypedId<TSelf>
    {
        if (TSelf.Validate(value) is null)
        {
            result = TSelf.FromValidated(value!);
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>Throws when a caller passes <c>default</c> instead of a parsed id.</summary>
    internal static void ThrowIfDefault<TSelf>(TSelf id, string paramName)
        where TSelf : struct, ITypedId<TSelf>
    {
        if (id.Value.Length == 0)
        {
            throw new ArgumentException(
                $"The {TSelf.Description} is the default (empty) value; create it with {typeof(TSelf).Name}.Parse.",
                paramName);
        }
    }

    /// <summary>Message for an invalid id. The value is shown only when it is short, and then escaped (<see cref="Echo"/>).</summary>
    internal static string Describe<TSelf>(string? value, string problem)
        where TSelf : struct, ITypedId<TSelf>
    {
        string shown = value is not null && value.Length <= 64 ? " " + Echo.Quote(value) : string.Empty;
        return $"The {TSelf.Description}{shown} is not valid: it {problem}.";
    }
}
