using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CustomerAddresses.Emulator;

/// <summary>The emulator as a program of its own.</summary>
internal static class Program
{
    // dotnet run --project src/CustomerAddresses.Emulator -- --urls http://127.0.0.1:5080 [--api-key KEY] [--session-token TOKEN]
    //   [--rotate-session-every 100] [--development-sessions true]
    //   [--offset-paging true] [--seed 1] [--server-error-rate 0.1] [--rate-limit-rate 0.1] [--retry-after-seconds 1]
    //   [--latency-rate 0.1] [--latency 00:00:02] [--abort-rate 0.1]
    private static async Task Main(string[] args)
    {
        IConfiguration arguments = new ConfigurationBuilder().AddCommandLine(args).Build();
        double Rate(string key) => double.Parse(arguments[key] ?? "0", CultureInfo.InvariantCulture);

        var options = new CustomerAddressesEmulatorOptions
        {
            Url = arguments["urls"] ?? "http://127.0.0.1:5080",
            ApiKey = arguments["api-key"],
            SessionToken = arguments["session-token"],
            RotateSessionEvery = int.Parse(arguments["rotate-session-every"] ?? "0", CultureInfo.InvariantCulture),
            DevelopmentSessions = bool.Parse(arguments["development-sessions"] ?? "false"),
            OffsetPaging = bool.Parse(arguments["offset-paging"] ?? "false"),
            Seed = arguments["seed"] is { } seed ? int.Parse(seed, CultureInfo.InvariantCulture) : null,
            ServerErrorRate = Rate("server-error-rate"),
            RateLimitRate = Rate("rate-limit-rate"),
            RetryAfterSeconds = int.Parse(arguments["retry-after-seconds"] ?? "1", CultureInfo.InvariantCulture),
            LatencyRate = Rate("latency-rate"),
            Latency = TimeSpan.Parse(arguments["latency"] ?? "00:00:02", CultureInfo.InvariantCulture),
            AbortRate = Rate("abort-rate"),
            RecordRequests = false,
        };

        await using CustomerAddressesEmulator emulator = await CustomerAddressesEmulator.StartAsync(options);
        Console.WriteLine($"CustomerAddresses emulator listening on {emulator.BaseAddress} (Ctrl+C to stop)");
        await emulator.WaitForShutdownAsync();
        Console.WriteLine(emulator.Statistics);
    }
}
