using System.Diagnostics;
using CustomerAddresses.Client.Mirror;
using CustomerAddresses.Client.Testing;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>
/// The installed tool's <c>mirror --sqlite FILE --follow</c> against the emulator with faults, SIGKILLed twice and
/// started again while customers, addresses, businesses and payment methods change: the file ends equal to the server,
/// row for row.
/// </summary>
[Collection(nameof(PackedCliTool))]
public sealed class CliMirrorTests(PackedCliTool tool) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("customeraddresses-mirror-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Killed_twice_while_the_server_changes_the_sqlite_file_ends_equal_to_the_server()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RecordRequests = false, Seed = 7, ServerErrorRate = 0.05, AbortRate = 0.05 });
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Dialect = ApiDialect.PaddleBilling,
            Retry = { MaxRetries = 10, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.FromMilliseconds(5) },
        });
        var workload = new MirrorWorkload(client, emulator, seed: 7);
        await workload.RunAsync(30);
        string database = Path.Combine(_directory, "customers.db");
        string[] mirror = ["mirror", "--sqlite", database, "--dialect", "paddle", "--follow", "--poll-interval", "0.2", "--requests-per-minute", "60000"];

        Task changes = workload.RunAsync(60, TimeSpan.FromMilliseconds(60));
        var random = new Random(7);
        for (int kill = 0; kill < 2; kill++)
        {
            using Process run = tool.Start(emulator.BaseAddress, _directory, mirror);
            _ = run.StandardOutput.ReadToEndAsync();
            _ = run.StandardError.ReadToEndAsync();
            await Task.Delay(random.Next(300, 1200));
            run.Kill(); // SIGKILL: no chance to finish anything
            await run.WaitForExitAsync();
        }

        await changes;
        (int code, string output, string error) = await tool.RunAsync(emulator.BaseAddress, _directory, "mirror", "--sqlite", database, "--dialect", "paddle", "--requests-per-minute", "60000");

        Assert.True(code == 0, output + error);
        Assert.Contains("events:", output, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(database)); // customers' personal data
        }

        await MirrorEquality.AssertEqualsServerAsync(client, new CustomerMirror(client, new CustomerMirrorOptions { SqlitePath = database }));
    }
}
