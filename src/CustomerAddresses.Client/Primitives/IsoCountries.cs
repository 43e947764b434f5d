namespace CustomerAddresses.Client.Primitives;

/// <summary>
/// The officially assigned ISO 3166-1 alpha-2 codes (249), and <c>XK</c> (Kosovo), a user-assigned code that Paddle and
/// the European Commission use: the codes a request may carry as a country.
/// </summary>
internal static class IsoCountries
{
    private const string Assigned =
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ "
        + "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET "
        + "FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU "
        + "ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY "
        + "MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM "
        + "PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ "
        + "TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW "
        + "XK";

    // One bit per pair of letters: 26 × 26 bits.
    private static readonly bool[] s_assigned = Build();

    /// <summary>How many codes are accepted: 249 assigned by ISO, and XK.</summary>
    internal static int Count { get; } = (Assigned.Length + 1) / 3;

    /// <summary>Whether <paramref name="code"/> is two upper-case letters that ISO assigns to a country (or XK).</summary>
    internal static bool IsAssigned(string code) =>
        code is { Length: 2 } && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1]) && s_assigned[((code[0] - 'A') * 26) + (code[1] - 'A')];

    private static bool[] Build()
    {
        bool[] assigned = new bool[26 * 26];
        for (int i = 0; i < Assigned.Length; i += 3)
        {
            assigned[((Assigned[i] - 'A') * 26) + (Assigned[i + 1] - 'A')] = true;
        }

        return assigned;
    }
}
