namespace CustomerAddresses.Client.Testing;

/// <summary>
/// Ids in the shapes the real servers issue: a prefix (<c>ctm_</c>, <c>cus_</c>, <c>add_</c>) and a lower-case ULID, as
/// Paddle's <c>ctm_01hv6y1jedq4p1n0yqn5ba3ky4</c> (48 bits of milliseconds, then 80 random bits from the seed, in
/// Crockford's base 32; monotonic, so ordering by id is ordering by creation), and snowflake numbers for organizations
/// and billing addresses, as Wacht's server issues.
/// </summary>
internal sealed class IdGenerator(int seed, TimeProvider time)
{
    private const string Crockford = "0123456789abcdefghjkmnpqrstvwxyz";
    private static readonly UInt128 s_randomMask = (UInt128.One << 80) - 1;
    private readonly Random _random = new(seed);
    private readonly object _gate = new();
    private readonly int _node = new Random(seed).Next(1024);
    private long _lastMilliseconds = -1;
    private UInt128 _lastRandom;
    private long _sequence;

    /// <summary>A prefixed ULID, greater than every id this generator issued before.</summary>
    internal string Next(string prefix)
    {
        long milliseconds = time.GetUtcNow().ToUnixTimeMilliseconds();
        UInt128 random;
        lock (_gate)
        {
            if (milliseconds <= _lastMilliseconds)
            {
                // The same millisecond (or a clock step back): keep the time and count the random part up.
                milliseconds = _lastMilliseconds;
                random = (_lastRandom + 1) & s_randomMask;
            }
            else
            {
                Span<byte> bytes = stackalloc byte[16];
                _random.NextBytes(bytes[..10]);
                random = new UInt128(BitConverter.ToUInt16(bytes[8..10]), BitConverter.ToUInt64(bytes[..8]));
            }

            _lastMilliseconds = milliseconds;
            _lastRandom = random;
        }

        Span<char> body = stackalloc char[26];
        var value = ((UInt128)(ulong)milliseconds << 80) | random;
        for (int i = 25; i >= 0; i--)
        {
            body[i] = Crockford[(int)(value & 31)];
            value >>= 5;
        }

        return prefix + new string(body);
    }

    /// <summary>
    /// A 64-bit snowflake, as Wacht's server issues for organizations and billing addresses: milliseconds since 2024
    /// (41 bits), a node number drawn from the seed (10 bits) and a sequence (12 bits), written as a decimal string.
    /// </summary>
    internal string NextSnowflake()
    {
        long milliseconds = Math.Max(0, time.GetUtcNow().ToUnixTimeMilliseconds() - 1_704_067_200_000);
        lock (_gate)
        {
            long id = (milliseconds << 22) | ((long)(_node & 0x3FF) << 12) | (++_sequence & 0xFFF);
            return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
