using CustomerAddresses.Client;

namespace CustomerAddresses.Client.Testing;

/// <summary>
/// Paddle's rules for a customer's <c>email</c> (<c>format: email</c>, 1 to 320 characters) and <c>locale</c> ("a valid
/// IETF BCP 47 short form locale tag") as the emulator applies them: a problem is an <c>invalid_field</c> error naming the
/// field, as Paddle answers one.
/// </summary>
/// <remarks>
/// An address is a local part (dot-separated atoms of RFC 5322's atom characters, or a quoted string), <c>@</c>, and a
/// host name (dot-separated labels of letters, digits and inner hyphens); letters beyond ASCII are taken, as an
/// internationalized address has them. A locale is a language (an ISO 639-1 code, or three letters), optionally a script
/// (four letters) and a region (a country code ISO assigns, or three digits); no variants or extensions, which the
/// short form leaves out.
/// </remarks>
internal static class EmailAndLocale
{
    internal const string EmailProblem = "must be a valid email address";
    internal const string LocaleProblem = "must be a valid IETF BCP 47 short form locale tag, such as en or en-US";

    /// <summary>ISO 639-1: every two-letter language code.</summary>
    private static readonly HashSet<string> s_languages = new(StringComparer.OrdinalIgnoreCase)
    {
        "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bi", "bm", "bn", "bo", "br", "bs",
        "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa",
        "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz",
        "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko",
        "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn",
        "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa",
        "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so",
        "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty",
        "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
    };

    internal static bool IsEmail(string value)
    {
        int at = value.LastIndexOf('@');
        if (value.Length is 0 or > 320 || at <= 0 || at == value.Length - 1)
        {
            return false;
        }

        ReadOnlySpan<char> local = value.AsSpan(0, at);
        ReadOnlySpan<char> domain = value.AsSpan(at + 1);
        return local.Length <= 64 && (IsDotAtom(local) || IsQuoted(local)) && IsHostName(domain);
    }

    internal static bool IsLocale(string value)
    {
        string[] parts = value.Split('-');
        if (parts.Length > 3 || !IsLanguage(parts[0]))
        {
            return false;
        }

        int next = 1;
        if (next < parts.Length && parts[next].Length == 4 && parts[next].All(char.IsAsciiLetter))
        {
            next++; // a script, such as Hans
        }

        if (next < parts.Length && IsRegion(parts[next]))
        {
            next++;
        }

        return next == parts.Length;
    }

    private static bool IsLanguage(string part) =>
        (part.Length == 2 && s_languages.Contains(part)) || (part.Length == 3 && part.All(char.IsAsciiLetter));

    private static bool IsRegion(string part) =>
        (part.Length == 2 && part.All(char.IsAsciiLetter) && CountryCode.TryParse(part.ToUpperInvariant(), out _))
        || (part.Length == 3 && part.All(char.IsAsciiDigit));

    private static bool IsDotAtom(ReadOnlySpan<char> local)
    {
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (char c in local)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '.' || "!#$%&'*+/=?^_`{|}~-".Contains(c, StringComparison.Ordinal) || (c > 0x7F && !char.IsWhiteSpace(c) && !char.IsControl(c))))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsQuoted(ReadOnlySpan<char> local)
    {
        if (local.Length < 2 || local[0] != '"' || local[^1] != '"')
        {
            return false;
        }

        for (int i = 1; i < local.Length - 1; i++)
        {
            char c = local[i];
            if (char.IsControl(c) || (c == '"') || (c == '\\' && ++i >= local.Length - 1))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHostName(ReadOnlySpan<char> domain)
    {
        if (domain.Length > 253)
        {
            return false;
        }

        foreach (Range range in domain.Split('.'))
        {
            ReadOnlySpan<char> label = domain[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (char c in label)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || (c > 0x7F && char.IsLetterOrDigit(c))))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
