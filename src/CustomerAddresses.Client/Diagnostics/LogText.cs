using System.Text;

namespace CustomerAddresses.Client.Diagnostics;

/// <summary>Makes server-supplied text fit for one line of a message or log: no line breaks, no control characters, bounded length.</summary>
internal static class LogText
{
    /// <summary>Collapses white space and control characters into single spaces and cuts to <paramref name="max"/> characters.</summary>
    internal static string OneLine(string text, int max)
    {
        var result = new StringBuilder(Math.Min(text.Length, max + 1));
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = result.Length > 0;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            if (result.Length >= max)
            {
                result.Append('…');
                break;
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
