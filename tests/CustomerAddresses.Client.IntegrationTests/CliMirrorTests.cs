using System.Diagnostics;
using CustomerAddresses.Client.Mirror;
using CustomerAddresses.Client.Testing;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>
/// The installed tool's <c>mirror --sqlite FILE --follow</c> against the emulator with faults, SIGKILLed twice and
/// started again while customers, addresses, businesses and payment methods change: the file ends equal to the server,
/// row for row; and three runs at once on one PostgreSQL database, SIGKILLed and restarted, leave it equal too.
/// </summary>
[Collection(nameof(PackedCliTool))]
public sealed class CliMirrorTests(PackedCliTool tool) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("customeraddresses-mirror-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A client of the faulty emulator that retries its reads through the faults.</summary>
    private static CustomerAddressesClient Client(CustomerAddressesEmulator emulator) => new(new CustomerAddressesClientOptions
    {
        BaseAddress = emulator.BaseAddress,
        Dialect = ApiDialect.PaddleBilling,
        Retry = { MaxRetries = 10, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.FromMilliseconds(5) },
    });

    [Fact]
    public async Task Killed_twice_while_the_server_changes_the_sqlite_file_ends_equal_to_the_server()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RecordRequests = false, Seed = 7, ServerErrorRate = 0.05, AbortRate = 0.05 });
        using CustomerAddressesClient client = Client(emulator);
        var workload = new MirrorWorkload(client, emulator, seed: 7);
        await workload.RunAsync(30); // a customer base before the first run
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

    [Fact]
    public async Task Three_runs_on_one_postgres_database_killed_and_restarted_while_the_server_changes_end_equal_to_it()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RecordRequests = false, Seed = 8, ServerErrorRate = 0.05, AbortRate = 0.05 });
        using CustomerAddressesClient client = Client(emulator);
        var workload = new MirrorWorkload(client, emulator, seed: 8);
        await workload.RunAsync(30); // a customer base before the first run
        string database = await PostgresServer.CreateDatabaseAsync();
        var environment = new Dictionary<string, string> { ["CUSTOMERADDRESSES_MIRROR_POSTGRES"] = database }; // never on the command line
        string[] follow = ["mirror", "--dialect", "paddle", "--follow", "--poll-interval", "0.2", "--requests-per-minute", "60000"];

        Task changes = workload.RunAsync(60, TimeSpan.FromMilliseconds(60));
        var random = new Random(8);
        var runs = new List<Process>();
        for (int round = 0; round < 3; round++)
        {
            // Three instances at once, one leading at a time; then all killed (SIGKILL), whatever each was doing.
            for (int i = 0; i < 3; i++)
            {
                Process run = tool.Start(environment, emulator.BaseAddress, _directory, follow);
                _ = run.StandardOutput.ReadToEndAsync();
                _ = run.StandardError.ReadToEndAsync();
                runs.Add(run);
            }

            await Task.Delay(random.Next(300, 1200));
            foreach (Process run in runs)
            {
                run.Kill();
                await run.WaitForExitAsync();
                run.Dispose();
            }

            runs.Clear();
        }

        await changes;
        (int code, string output, string error) = await tool.RunAsync(environment, emulator.BaseAddress, _directory, "mirror", "--dialect", "paddle", "--requests-per-minute", "60000");

        Assert.True(code == 0, output + error);
        Assert.StartsWith("Mirrored into PostgreSQL", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", output + error, StringComparison.OrdinalIgnoreCase);
        await MirrorEquality.AssertEqualsServerAsync(client, new CustomerMirror(client, new CustomerMirrorOptions { PostgresConnectionString = database }));
    }
}
