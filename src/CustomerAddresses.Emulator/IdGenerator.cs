namespace CustomerAddresses.Emulator;

/// <summary>
/// Ids in the documented shapes: <c>ctm_</c> or <c>add_</c> and 26 lower-case letters and digits, whose first ten
/// count up so that ordering by id is ordering by creation (as ULIDs do), and <c>billing_</c> and digits.
/// </summary>
internal sealed class IdGenerator(int seed)
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
    private readonly Random _random = new(seed);
    private readonly object _gate = new();
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

    internal string NextBilling()
    {
        lock (_gate)
        {
            return "billing_" + (100_000_000 + ++_counter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
