using System.Globalization;
using System.Text;

namespace CustomerAddresses.Client.Primitives;

/// <summary>
/// A value the caller or the server gave, quoted in a message: on one line whatever it holds. Control characters, line
/// and paragraph separators and the characters that reorder text are written as escapes (<c>\n</c>, <c>\u2028</c>), so
/// a value can neither end the line it is quoted in nor disguise what follows it.
/// </summary>
internal static class Echo
{
    /// <summary>The value between single quotes, escaped, cut after <paramref name="max"/> characters with an ellipsis.</summary>
    internal static string Quote(string value, int max = 64) => "'" + Escape(value, max) + "'";

    /// <summary>The value escaped, cut after <paramref name="max"/> characters with an ellipsis.</summary>
    internal static string Escape(string value, int max = int.MaxValue)
    {
        bool cut = value.Length > max;
        ReadOnlySpan<char> shown = cut ? value.AsSpan(0, max) : value;
        if (!cut && !NeedsEscape(shown))
        {
            return value;
        }

        var text = new StringBuilder(shown.Length + 8);
        foreach (char c in shown)
        {
            _ = c switch
            {
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                _ when IsUnsafe(c) => text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        return cut ? text.Append('…').ToString() : text.ToString();
    }

    private static bool NeedsEscape(ReadOnlySpan<char> value)
    {
        foreach (char c in value)
        {
            if (IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>C0 and C1 controls (U+0085 among them), DEL, the line and paragraph separators, the bidirectional controls, and lone surrogates.</summary>
    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069' || char.IsSurrogate(c);
}
