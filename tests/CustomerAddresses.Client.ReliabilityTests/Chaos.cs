using CustomerAddresses.Client.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary>The fault mix of the chaos suites, the client settings that face it, and the secrets that must never leak.</summary>
internal static class Chaos
{
    public const string ApiKey = "pdl_live_apikey_01hchaoschaoschaoschaos";
    public const string SessionToken = "sess_01hchaoschaoschaoscookie";

    /// <summary>22% of responses: 503s, 429s with Retry-After 0 or 1 s, delays past the attempt timeout, and cuts mid-response.</summary>
    public static void TurnOnFaults(CustomerAddressesEmulatorOptions options)
    {
        options.ServerErrorRate = 0.08;
        options.RateLimitRate = 0.04;
        options.RetryAfterSeconds = 1;
        options.LatencyRate = 0.04;
        options.Latency = TimeSpan.FromMilliseconds(900);
        options.AbortRate = 0.06;
    }

    public static CustomerAddressesEmulatorOptions Emulator(int seed) => new() { Seed = seed, ApiKey = ApiKey, SessionToken = SessionToken };

    /// <summary>A client with the default settings, to load data before the faults start (cold-start JIT is slow).</summary>
    public static CustomerAddressesClient SetupClient(CustomerAddressesEmulator emulator) => TestClients.Create(emulator.BaseAddress, o =>
    {
        o.Dialect = ApiDialect.PaddleBilling;
        o.ApiKey = ApiKey;
        o.SessionToken = SessionToken;
    });

    /// <summary>The client that faces the faults: many quick retries and an attempt timeout shorter than the injected delay.</summary>
    public static CustomerAddressesClient Client(CustomerAddressesEmulator emulator, FakeLogCollector logs) => TestClients.Create(emulator.BaseAddress, o =>
    {
        o.Dialect = ApiDialect.PaddleBilling;
        o.ApiKey = ApiKey;
        o.SessionToken = SessionToken;
        o.Retry.MaxRetries = 10;
        o.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
        o.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        o.Timeouts.Attempt = TimeSpan.FromMilliseconds(400); // the injected delay (900 ms) is past it
        o.Timeouts.Total = TimeSpan.FromSeconds(30);
        o.LoggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
    });

    /// <summary>Every log line and exception text a suite captured: none may hold a credential.</summary>
    public static void AssertNoSecretIn(IEnumerable<string> texts)
    {
        foreach (string text in texts)
        {
            Assert.DoesNotContain(ApiKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SessionToken, text, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Fails when any run of 12 characters of <paramref name="secret"/>, taken every 4, is in one of the texts: a secret
    /// cut short or masked in part still leaks its first part.
    /// </summary>
    public static void AssertNoRunOf(string secret, IEnumerable<string> texts, string where)
    {
        foreach (string text in texts)
        {
            for (int i = 0; i + 12 <= secret.Length; i += 4)
            {
                Assert.False(text.Contains(secret.Substring(i, 12), StringComparison.Ordinal), $"{where}: '{secret.Substring(i, 12)}' leaked in: {text}");
            }
        }
    }

    public static IEnumerable<string> Texts(FakeLogCollector logs) =>
        logs.GetSnapshot().Select(r => r.Message + " " + string.Join(",", r.StructuredState ?? []) + " " + r.Exception);
}
