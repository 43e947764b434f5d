using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client.Core.Paging;

/// <summary>The checks every list's options get before any request, each naming the offending member.</summary>
internal static class ListQueryChecks
{
    internal const int MaxPerPage = 200;
    internal const int MaxSearchLength = 100;
    internal const int MaxCursorLength = 1024;

    internal static int? PerPage(int? perPage, string name) =>
        perPage is { } value && (value < 1 || value > MaxPerPage)
            ? throw new ArgumentOutOfRangeException(name, value, $"{name} must be from 1 to {MaxPerPage}.")
            : perPage;

    internal static string? Search(string? search, string name)
    {
        if (search is not null)
        {
            RequestChecks.Required(search, name, MaxSearchLength);
        }

        return search;
    }

    /// <summary>A server cursor (an item id) to start after: non-empty, bounded, no white space.</summary>
    internal static string? After(string? after, string name)
    {
        if (after is not null && (after.Length == 0 || after.Length > MaxCursorLength || after.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            throw new ArgumentException($"{name} must be an id to start after: non-empty, at most {MaxCursorLength} characters, no white space.", name);
        }

        return after;
    }

    /// <summary><c>order_by=id[ASC]</c> or <c>id[DESC]</c>.</summary>
    internal static string? OrderById(SortOrder? order, string name)
    {
        if (order is not { } value)
        {
            return null;
        }

        RequestChecks.NotDefault<SortOrder>(value, name);
        return value.Value.All(char.IsAsciiLetter)
            ? $"id[{value.Value}]"
            : throw new ArgumentException($"{name} must be ASC or DESC.", name);
    }

    /// <summary>A comma-separated filter; null for no filter, never an empty list or a value holding a comma.</summary>
    internal static string? CommaSeparated<T>(IReadOnlyList<T>? values, Func<T, string> wire, string name)
    {
        if (values is null)
        {
            return null;
        }

        if (values.Count == 0)
        {
            throw new ArgumentException($"{name} must hold at least one value, or be null for no filter.", name);
        }

        var parts = new string[values.Count];
        for (int i = 0; i < parts.Length; i++)
        {
            string value = wire(values[i]);
            if (value.Length == 0)
            {
                throw new ArgumentException($"{name} holds a default (empty) value; use a known value or the constructor.", name);
            }

            parts[i] = value.Contains(',', StringComparison.Ordinal)
                ? throw new ArgumentException($"{name} must not contain ','.", name)
                : value;
        }

        return string.Join(',', parts);
    }
}
