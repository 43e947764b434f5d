namespace CustomerAddresses.Emulator;

/// <summary>
/// Ids in the documented shapes: <c>ctm_</c> or <c>add_</c> and 26 lower-case letters and digits, whose first ten
/// count up so that ordering by id is ordering by creation (as ULIDs do), and snowflake numbers for organizations and
/// billing addresses.
/// </summary>
internal sealed class IdGenerator(int seed)
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
    private readonly Random _random = new(seed);
    private readonly object _gate = new();
    private readonly int _node = new Random(seed).Next(1024);
    private long _counter;

    internal string Next(string prefix)
    {
        lock (_gate)
        {
            long n = ++_counter;
            Span<char> body = stackalloc char[26];
            for (int i = 9; i >= 0; i--)
            {
                body[i] = Alphabet[(int)(n % 36)];
                n /= 36;
            }

            for (int i = 10; i < 26; i++)
            {
                body[i] = Alphabet[_random.Next(36)];
            }

            return prefix + new string(body);
        }
    }

    /// <summary>
    /// A 64-bit snowflake, as Wacht's server issues for organizations and billing addresses: milliseconds since 2024
    /// (41 bits), a node number drawn from the seed (10 bits) and a sequence (12 bits), written as a decimal string.
    /// </summary>
    internal string NextSnowflake(DateTimeOffset now)
    {
        lock (_gate)
        {
            long milliseconds = Math.Max(0, now.ToUnixTimeMilliseconds() - 1_704_067_200_000);
            long id = (milliseconds << 22) | ((long)(_node & 0x3FF) << 12) | (++_counter & 0xFFF);
            return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
