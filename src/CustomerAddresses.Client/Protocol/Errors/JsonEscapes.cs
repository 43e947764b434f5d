using System.Globalization;
using System.Text;

namespace CustomerAddresses.Client.Protocol.Errors;

/// <summary>Undoes JSON string escapes in raw text, so that text meant for people shows (and is redacted as) what it says.</summary>
internal static class JsonEscapes
{
    internal static string Undo(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c != '\\' || i + 1 >= text.Length)
            {
                result.Append(c);
                continue;
            }

            char next = text[i + 1];
            if (next == 'u' && i + 5 < text.Length
                && ushort.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort code))
            {
                result.Append((char)code);
                i += 5;
            }
            else if (next is '/' or '"' or '\\')
            {
                result.Append(next);
                i++;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
