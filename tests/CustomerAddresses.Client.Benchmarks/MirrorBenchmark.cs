using System.Diagnostics;
using System.Globalization;
using CustomerAddresses.Client.Mirror;
using CustomerAddresses.Client.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Client.Benchmarks;

/// <summary>
/// The mirror, measured as issue asks (not timed tests), on a SQLite file against the emulator: the lag from a change on
/// the server to its row, under webhooks and under polling (p50, p99); catch-up throughput as a share of what the rate
/// limit allows; and a backfill of N customers with 2 addresses each against its lower bound of requests ÷ rate limit.
/// </summary>
internal static class MirrorBenchmark
{
    private static readonly string[] s_none = [];

    internal static async Task<int> RunAsync(int customers, int perMinute)
    {
        string directory = Directory.CreateTempSubdirectory("mirror-benchmark-").FullName;
        try
        {
            await LagAsync(directory);
            await CatchUpAsync(directory, perMinute: 240);
            await BackfillAsync(directory, customers, perMinute);
            Console.WriteLine("Mirror benchmark: ok");
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static CustomerAddressesClient Client(CustomerAddressesEmulator emulator, int? perMinute = null) => new(new CustomerAddressesClientOptions
    {
        BaseAddress = emulator.BaseAddress,
        Dialect = ApiDialect.PaddleBilling,
        RateLimit = { RequestsPerMinute = perMinute },
    });

    /// <summary>The lag from an update's answer to its row in the file, 100 updates each way.</summary>
    private static async Task LagAsync(string directory)
    {
        Console.WriteLine("Lag from a change on the server to its row (a customer renamed, 100 times each way; SQLite):");
        Console.WriteLine("| way in | p50 | p99 | max |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (bool webhooks in new[] { true, false })
        {
            await using CustomerAddressesEmulator emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RecordRequests = false });
            using CustomerAddressesClient client = Client(emulator);
            string path = Path.Combine(directory, $"lag-{webhooks}.db");
            var mirror = new CustomerMirror(client, new CustomerMirrorOptions { SqlitePath = path });
            Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "lag@example.com", Name = "Lag 0" });
            await mirror.SyncAsync();
            await using WebApplication? app = webhooks ? await ReceiverAsync(emulator, mirror) : null;
            using var stop = new CancellationTokenSource();
            Task follow = webhooks ? Task.CompletedTask : mirror.FollowAsync(TimeSpan.FromSeconds(1), cancellationToken: stop.Token);
            var lags = new List<double>();
            var random = new Random(1);
            for (int i = 1; i <= 100; i++)
            {
                await Task.Delay(random.Next(0, webhooks ? 200 : 1000)); // polling: a change at any point of the interval
                string name = $"Lag {i}";
                await client.Customers.UpdateAsync(customer.Id, new UpdateCustomerRequest { Name = name });
                var clock = Stopwatch.StartNew();
                while (await NameAsync(path, customer.Id) != name)
                {
                    await Task.Delay(2);
                }

                lags.Add(clock.Elapsed.TotalMilliseconds);
            }

            await stop.CancelAsync();
            await follow.ContinueWith(_ => { }, TaskScheduler.Default);
            lags.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(webhooks ? "webhooks" : "polling every 1 s")} | {lags[49]:0} ms | {lags[98]:0} ms | {lags[^1]:0} ms |"));
        }
    }

    private static async Task<string?> NameAsync(string path, CustomerId id)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=false");
        await connection.OpenAsync();
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM customers WHERE id = $id";
        command.Parameters.AddWithValue("$id", id.Value);
        return await command.ExecuteScalarAsync() as string;
    }

    private static async Task<WebApplication> ReceiverAsync(CustomerAddressesEmulator emulator, CustomerMirror mirror)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(s_none);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        PaddleWebhookVerifier? verifier = null;
        app.MapPost("/webhooks", async (Microsoft.AspNetCore.Http.HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            await mirror.ApplyAsync(verifier!.ReadEvent(body.ToArray(), context.Request.Headers["Paddle-Signature"]));
        });
        await app.StartAsync();
        string secret = emulator.AddWebhookDestination(new Uri(app.Urls.First() + "/webhooks"));
        verifier = new PaddleWebhookVerifier(new PaddleWebhookOptions { SecretKeys = { secret } });
        return app;
    }

    /// <summary>2,000 changes made while the mirror was stopped, then one catch-up at Paddle's 240 requests a minute.</summary>
    private static async Task CatchUpAsync(string directory, int perMinute)
    {
        await using CustomerAddressesEmulator emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RecordRequests = false });
        using CustomerAddressesClient seller = Client(emulator);
        Customer customer = await seller.Customers.CreateAsync(new CreateCustomerRequest { Email = "catch-up@example.com" });
        using CustomerAddressesClient client = Client(emulator, perMinute);
        var mirror = new CustomerMirror(client, new CustomerMirrorOptions { SqlitePath = Path.Combine(directory, "catch-up.db") });
        await mirror.SyncAsync();
        const int changes = 2_000;
        for (int i = 0; i < changes; i++)
        {
            await seller.Customers.UpdateAsync(customer.Id, new UpdateCustomerRequest { Name = $"Name {i}" });
        }

        long requests = client.Statistics.Requests;
        var clock = Stopwatch.StartNew();
        await mirror.SyncAsync();
        clock.Stop();
        long sent = client.Statistics.Requests - requests;
        double bound = (sent - 1) / (double)perMinute * 60; // a request a page of 200 events; the first leaves at once
        Console.WriteLine();
        Console.WriteLine($"Catch-up of {changes:N0} events at {perMinute} requests a minute (SQLite):");
        Console.WriteLine("| events | requests (pages of 200) | time | lower bound (requests ÷ limit) | share of what the limit allows |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {changes:N0} | {sent} | {clock.Elapsed.TotalSeconds:0.00} s | {bound:0.00} s | {bound / clock.Elapsed.TotalSeconds:P0} |"));
    }

    /// <summary>A backfill of <paramref name="customers"/> customers with 2 addresses each, at <paramref name="perMinute"/>, against requests ÷ limit.</summary>
    private static async Task BackfillAsync(string directory, int customers, int perMinute)
    {
        await using CustomerAddressesEmulator emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RecordRequests = false });
        using (CustomerAddressesClient seller = Client(emulator))
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, customers), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            {
                Customer c = await seller.Customers.CreateAsync(new CreateCustomerRequest { Email = $"b{i}@example.com", Name = $"Customer {i}" }, ct);
                await seller.Addresses.CreateAsync(c.Id, new CreateAddressRequest { Country = CountryCode.Parse("GB"), City = "York" }, ct);
                await seller.Addresses.CreateAsync(c.Id, new CreateAddressRequest { Country = CountryCode.Parse("GB"), City = "Leeds" }, ct);
            });
        }

        using CustomerAddressesClient client = Client(emulator, perMinute);
        var mirror = new CustomerMirror(client, new CustomerMirrorOptions { SqlitePath = Path.Combine(directory, "backfill.db") });
        var clock = Stopwatch.StartNew();
        MirrorProgress done = await mirror.SyncAsync();
        clock.Stop();
        long requests = client.Statistics.Requests;
        double bound = (requests - 1) / (double)perMinute * 60; // the first request leaves at once
        Console.WriteLine();
        Console.WriteLine($"Backfill of {customers:N0} customers with 2 addresses each at {perMinute:N0} requests a minute (SQLite):");
        Console.WriteLine("| customers | rows | requests | time | lower bound (requests ÷ limit) | time ÷ bound |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {done.CustomersBackfilled:N0} | {done.RowsWritten:N0} | {requests:N0} | {clock.Elapsed.TotalSeconds:0.0} s | {bound:0.0} s | {clock.Elapsed.TotalSeconds / bound:0.00} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"At Paddle's 240 a minute the same backfill's lower bound is {(requests - 1) / 240.0:0} minutes."));
    }
}
