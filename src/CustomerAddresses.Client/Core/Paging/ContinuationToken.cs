using System.Globalization;
using System.Text;

namespace CustomerAddresses.Client.Core.Paging;

/// <summary>
/// Issues and reads the opaque tokens of <see cref="Page{T}.ContinuationToken"/>: the server's cursor or the next
/// offset, wrapped in base64url so that any cursor a server invents (with <c>+</c>, <c>%</c>, spaces) survives being
/// stored and passed back.
/// </summary>
internal static class ContinuationToken
{
    /// <summary>Room for any cursor a server could put in a <c>next</c> link's query string.</summary>
    internal const int MaxLength = 16 * 1024;
    private const char CursorKind = 'c';
    private const char OffsetKind = 'o';

    internal static string ForCursor(string cursor) => Encode(CursorKind + cursor);

    internal static string ForOffset(int offset) => Encode(OffsetKind + offset.ToString(CultureInfo.InvariantCulture));

    /// <summary>Where a token says to resume: the first query of the listing moved past the page that issued it.</summary>
    /// <exception cref="ArgumentException">The token is not one this client issued.</exception>
    internal static PageQuery Resume(string token, int? perPage, string paramName)
    {
        string? decoded = token.Length is > 0 and <= MaxLength ? Decode(token) : null;
        if (decoded is { Length: > 1 } && decoded[0] == CursorKind)
        {
            return PageQuery.First(decoded[1..], perPage);
        }

        if (decoded is { Length: > 1 } && decoded[0] == OffsetKind
            && int.TryParse(decoded.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int offset))
        {
            return new PageQuery(null, null, perPage, offset);
        }

        throw new ArgumentException("The continuation token is not one this client issued; pass a Page.ContinuationToken unchanged.", paramName);
    }

    private static string Encode(string value) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Decode(string token)
    {
        if (token.Contains('+', StringComparison.Ordinal) || token.Contains('/', StringComparison.Ordinal) || token.Contains('=', StringComparison.Ordinal))
        {
            return null;
        }

        string padded = token.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (token.Length % 4)) % 4);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(padded));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return null;
        }
    }
}
