using CustomerAddresses.Client.Testing;
using CustomerAddresses.Client.Tests.Shared;
using Xunit.Abstractions;

namespace CustomerAddresses.Client.Mirror.Tests;

/// <summary>
/// Random changes through the emulator while the mirror backfills and follows: webhook deliveries dropped, delivered
/// twice, late and out of order; the API failing now and then; the mirror killed at random points and started again.
/// After the last catch-up every row of every table equals the server's entity, member by member, and no row is extra:
/// on SQLite with one instance, and on PostgreSQL with three instances sharing the database.
/// </summary>
public sealed class MirrorPropertyTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mirror-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static CustomerAddressesEmulatorOptions Faulty(int seed) => new()
    {
        RecordRequests = false,
        Seed = seed,
        ServerErrorRate = 0.03,
        AbortRate = 0.03,
        WebhookDropRate = 0.3,
        WebhookDuplicateRate = 0.3,
        WebhookMaxDelay = TimeSpan.FromMilliseconds(150),
        WebhookRetryDelays = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100)],
    };

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public async Task Sqlite_one_instance_killed_and_restarted_ends_equal_to_the_server(int seed)
    {
        var options = new CustomerMirrorOptions { SqlitePath = Path.Combine(_directory, $"customers-{seed}.db") };
        await RunAsync(seed, instances: 1, () => options);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public async Task Postgres_three_instances_killed_and_restarted_end_equal_to_the_server(int seed)
    {
        string database = await PostgresServer.CreateDatabaseAsync();
        await RunAsync(seed, instances: 3, () => new CustomerMirrorOptions { PostgresConnectionString = database });
    }

    private async Task RunAsync(int seed, int instances, Func<CustomerMirrorOptions> options)
    {
        await using MirrorHarness harness = await MirrorHarness.StartAsync(Faulty(seed), seed);
        var random = new Random(seed);
        var workload = new MirrorWorkload(harness.Client, harness.Emulator, seed);
        await workload.RunAsync(25); // a customer base before the first backfill
        CustomerMirror[] mirrors = [.. Enumerable.Range(0, instances).Select(_ => harness.Mirror(options()))];
        harness.Receive(mirrors);

        // Changes go on while every instance syncs over and over, and now and then one is killed mid-sync and restarted.
        using var done = new CancellationTokenSource();
        Task changes = workload.RunAsync(80, TimeSpan.FromMilliseconds(40)).ContinueWith(_ => done.Cancel(), TaskScheduler.Default);
        var kills = 0;
        async Task FollowAsync(int index)
        {
            while (!done.IsCancellationRequested)
            {
                int after;
                lock (random)
                {
                    after = random.Next(0, 250);
                }

                using var kill = CancellationTokenSource.CreateLinkedTokenSource(done.Token);
                kill.CancelAfter(after);
                try
                {
                    await mirrors[index].SyncAsync(cancellationToken: kill.Token);
                }
                catch (OperationCanceledException) when (kill.IsCancellationRequested)
                {
                    Interlocked.Increment(ref kills);
                    mirrors[index] = harness.Mirror(options()); // killed: a new process starts on the same database
                    harness.Receive(mirrors);
                }
                catch (Exception e) when (e is CustomerAddressesApiException or HttpRequestException)
                {
                    // the API failed beyond the client's retries: the next round goes on from where this one stopped
                }
            }
        }

        await Task.WhenAll([changes, .. Enumerable.Range(0, instances).Select(FollowAsync)]);
        await harness.Emulator.WaitForWebhooksAsync();
        foreach (CustomerMirror mirror in mirrors)
        {
            MirrorProgress last = await SyncUntilDoneAsync(mirror);
            Assert.True(last.Led || instances > 1);
        }

        await SyncUntilDoneAsync(mirrors[0]);
        output.WriteLine($"seed {seed}: {instances} instance(s), {kills} kills, {harness.Emulator.WebhookDeliveries.Count} deliveries");
        Assert.Empty(harness.Failures);
        await harness.AssertMirrorEqualsServerAsync(mirrors[0]);
    }

    /// <summary>A sync that leads and ends, through the API's faults (a round that fails is run again).</summary>
    private static async Task<MirrorProgress> SyncUntilDoneAsync(CustomerMirror mirror)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                MirrorProgress progress = await mirror.SyncAsync();
                if (progress.Led)
                {
                    return progress;
                }
            }
            catch (Exception e) when (attempt < 20 && e is CustomerAddressesApiException or HttpRequestException)
            {
            }

            await Task.Delay(50);
        }
    }
}
