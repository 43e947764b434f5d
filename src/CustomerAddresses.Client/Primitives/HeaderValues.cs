namespace CustomerAddresses.Client.Primitives;

/// <summary>Which strings can be sent in a header unchanged: credentials and ids the caller gives are checked with these before any request.</summary>
internal static class HeaderValues
{
    /// <summary>Whether a value can be sent as a header value unchanged: one or more visible ASCII characters.</summary>
    internal static bool IsSafe(string value) => IsSafe(value, allowSeparators: true);

    /// <summary>Whether a value can be sent as a cookie's value unchanged: visible ASCII without <c>;</c>, <c>,</c>, <c>"</c> or <c>\</c>.</summary>
    internal static bool IsCookieSafe(string value) => IsSafe(value, allowSeparators: false);

    private static bool IsSafe(string value, bool allowSeparators) =>
        value.Length > 0 && value.All(c => c > ' ' && c < 0x7F && (allowSeparators || (c != ';' && c != ',' && c != '"' && c != '\\')));
}
