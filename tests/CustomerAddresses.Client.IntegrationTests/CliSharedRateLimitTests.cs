using System.Diagnostics;
using System.Text;
using CustomerAddresses.Client.Testing;
using CustomerAddresses.Client.Tests.Shared;
using Xunit.Abstractions;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>
/// Three runs of the packed tool import three files at once against one emulator that keeps Paddle's kind of limit (600
/// requests a minute per IP address), as three instances behind one address would. Sharing the limit through a real Redis,
/// they together run at the limit with no 429, and keep going, still with no 429, when Redis dies; without sharing, they
/// run into 429s.
/// </summary>
[Collection(nameof(PackedCliTool))]
public sealed class CliSharedRateLimitTests(PackedCliTool tool, ITestOutputHelper output) : IDisposable
{
    private const int PerMinute = 600;
    private const int RowsPerFile = 130; // a customer and an address each: 780 requests, about 80 s at 98% of the limit
    private readonly string _directory = Directory.CreateTempSubdirectory("customeraddresses-shared-").FullName;

    private string[] WriteFiles()
    {
        string[] files = [.. "abc".Select(f => Path.Combine(_directory, $"{f}.csv"))];
        foreach (string file in files)
        {
            var csv = new StringBuilder("email,name,country_code,city\n");
            string prefix = Path.GetFileNameWithoutExtension(file);
            for (int i = 0; i < RowsPerFile; i++)
            {
                csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{i}@example.com,Name {i},GB,York\n");
            }

            File.WriteAllText(file, csv.ToString());
        }

        return files;
    }

    private List<Process> StartImports(CustomerAddressesEmulator emulator, string[] files, params string[] extra) =>
        [.. files.Select(file => tool.Start(emulator.BaseAddress, _directory, ["import", file, "--dialect", "paddle", "--requests-per-minute", $"{PerMinute}", .. extra]))];

    private static async Task WaitForFirstRequest(CustomerAddressesEmulator emulator)
    {
        for (var clock = Stopwatch.StartNew(); emulator.Statistics.Requests == 0; await Task.Delay(20))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), "no import sent a request within a minute");
        }
    }

    [Fact]
    public async Task Three_imports_sharing_one_Redis_keep_the_limit_together_and_still_keep_it_when_Redis_dies()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RequestsPerMinute = PerMinute, RecordRequests = false });
        await using RedisServer redis = await RedisServer.StartAsync();
        string[] files = WriteFiles();
        List<Process> runs = StartImports(emulator, files, "--rate-limit-redis", redis.Configuration, "--rate-limit-instances", "3");
        List<Task<string>> errors = [.. runs.Select(r => r.StandardError.ReadToEndAsync())];
        List<Task<string>> outputs = [.. runs.Select(r => r.StandardOutput.ReadToEndAsync())];

        await WaitForFirstRequest(emulator);
        long first = emulator.Statistics.Requests;
        await Task.Delay(TimeSpan.FromSeconds(60));
        long inTheMinute = emulator.Statistics.Requests - first + 1;
        await redis.KillAsync(); // mid-run: every run paces itself at a third of the limit from here on
        foreach (Process run in runs)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await run.WaitForExitAsync(timeout.Token);
        }

        output.WriteLine($"sharing one Redis: {inTheMinute} requests in the first minute ({inTheMinute * 100.0 / PerMinute:0.0}% of {PerMinute}); {emulator.Statistics.Requests} in all; {emulator.Statistics.RateLimits} answered 429");
        for (int i = 0; i < runs.Count; i++)
        {
            Assert.True(runs[i].ExitCode == 0, $"exit {runs[i].ExitCode}\n{await outputs[i]}\n{await errors[i]}");
            Assert.Contains("cannot be reached", await errors[i], StringComparison.Ordinal); // each says what it does without Redis
            Assert.Contains("customers: 130 created", await outputs[i], StringComparison.Ordinal);
        }

        Assert.Equal(0, emulator.Statistics.RateLimits);
        Assert.True(inTheMinute >= PerMinute * 95 / 100, $"{inTheMinute} requests in the first minute: under 95% of {PerMinute}");
        Assert.Equal(2 * 3 * RowsPerFile, emulator.Statistics.Requests); // a customer and an address a row, each sent once
    }

    [Fact]
    public async Task The_same_three_imports_without_sharing_run_into_429s()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RequestsPerMinute = PerMinute, RecordRequests = false });
        List<Process> runs = StartImports(emulator, WriteFiles());
        foreach (Process run in runs)
        {
            _ = run.StandardOutput.ReadToEndAsync();
            _ = run.StandardError.ReadToEndAsync();
        }

        // Each run keeps 600 a minute by itself, so the three send three times the limit: the limit is spent in 20 s.
        await WaitForFirstRequest(emulator);
        await Task.Delay(TimeSpan.FromSeconds(30));
        foreach (Process run in runs)
        {
            run.Kill();
            await run.WaitForExitAsync();
        }

        output.WriteLine($"without sharing: {emulator.Statistics.Requests} requests in about 30 s, {emulator.Statistics.RateLimits} answered 429");
        Assert.True(emulator.Statistics.RateLimits > 0, $"{emulator.Statistics.Requests} requests and no 429");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
