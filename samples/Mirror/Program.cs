// Paddle's customer graph in your own database, with no account: the emulator plays Paddle (and loses, repeats and
// delays some webhooks, as networks do), app instances receive the webhooks with MapPaddleWebhooks and hand them to
// the mirror, and the mirror's hosted service catches up from the events list. By default one instance and a SQLite
// file; `--postgres "CONNECTION_STRING" --instances 3` runs three instances on one PostgreSQL database.
using System.Data.Common;
using CustomerAddresses.Client;
using CustomerAddresses.Client.Mirror;
using CustomerAddresses.Client.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

string? postgres = Option("--postgres") ?? Environment.GetEnvironmentVariable("CUSTOMERADDRESSES_MIRROR_POSTGRES");
int instances = int.Parse(Option("--instances") ?? (postgres is null ? "1" : "3"), System.Globalization.CultureInfo.InvariantCulture);
string sqlite = Path.Combine(Path.GetTempPath(), $"customers-{Guid.NewGuid():N}.db");
var database = postgres is null ? new CustomerMirrorOptions { SqlitePath = sqlite } : new CustomerMirrorOptions { PostgresConnectionString = postgres };
if (postgres is null && instances != 1)
{
    throw new ArgumentException("SQLite is one file for one instance: use --postgres for more.");
}

// 1. Paddle, emulated: a fifth of the webhooks lost, a fifth delivered twice, each up to half a second late.
await using CustomerAddressesEmulator paddle = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions
{
    WebhookDropRate = 0.2,
    WebhookDuplicateRate = 0.2,
    WebhookMaxDelay = TimeSpan.FromMilliseconds(500),
});
using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = paddle.BaseAddress, Dialect = ApiDialect.PaddleBilling });
Customer ada = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "ada@example.com", Name = "Ada Lovelace" });
Address office = await client.Addresses.CreateAsync(ada.Id, new CreateAddressRequest { Country = CountryCode.Parse("GB"), City = "London", FirstLine = "12 St James's Square" });
await client.Businesses.CreateAsync(ada.Id, new CreateBusinessRequest { Name = "Analytical Engines Ltd", Contacts = [new BusinessContact { Name = "Accounts", Email = "accounts@example.com" }] });
string card = paddle.SavePaymentMethod(ada.Id.Value, office.Id.Value);
Console.WriteLine("1. Paddle has Ada Lovelace, her office, her business and a saved card");

// 2. The app, as you would write it, started as many times as there are instances.
var apps = new List<WebApplication>();
for (int i = 0; i < instances; i++)
{
    WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Logging.ClearProviders();
    builder.Services.AddCustomerAddressesClient(o => { o.BaseAddress = paddle.BaseAddress; o.Dialect = ApiDialect.PaddleBilling; });
    builder.Services.AddCustomerAddressesMirror(database, pollInterval: TimeSpan.FromSeconds(2));
    string secretKey = $"pdl_ntfset_01hsample_instance_{i}";
    builder.Services.AddPaddleWebhooks(o => o.SecretKeys.Add(secretKey));
    WebApplication app = builder.Build();
    CustomerMirror mirror = app.Services.GetRequiredService<CustomerMirror>();
    app.MapPaddleWebhooks("/webhooks/paddle", (webhook, cancellationToken) => mirror.ApplyAsync(webhook, cancellationToken));
    await app.StartAsync(); // the hosted service backfills (one instance leads), then follows the events list
    paddle.AddWebhookDestination(new Uri(app.Urls.First() + "/webhooks/paddle"), secretKey);
    apps.Add(app);
}

Console.WriteLine($"2. {instances} instance(s) mirroring into {(postgres is null ? "a SQLite file" : "PostgreSQL")}");

// 3. Changes while the instances run: some of their webhooks are lost, some come twice or late.
await client.Customers.UpdateAsync(ada.Id, new UpdateCustomerRequest { Name = "Augusta Ada King" });
Customer grace = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "grace@example.com", Name = "Grace Hopper" });
await client.Addresses.CreateAsync(grace.Id, new CreateAddressRequest { Country = CountryCode.UnitedStates, City = "Arlington" });
await client.Customers.UpdateAsync(grace.Id, new UpdateCustomerRequest { Status = CustomerStatus.Archived });
await client.PaymentMethods.DeleteAsync(ada.Id, PaymentMethodId.Parse(card));
Console.WriteLine("3. Renamed Ada, added Grace with an address and archived her, deleted Ada's card");

// 4. Your own SQL over the mirror's tables, until it shows what Paddle has.
string[] expected = ["ada@example.com | Augusta Ada King | active", "grace@example.com | Grace Hopper | archived"];
string[] rows = [];
for (var waited = System.Diagnostics.Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(60); await Task.Delay(250))
{
    rows = await QueryAsync("SELECT email, name, status FROM customers ORDER BY email");
    if (rows.SequenceEqual(expected) && (await QueryAsync("SELECT id FROM payment_methods")).Length == 0 && (await QueryAsync("SELECT id FROM addresses")).Length == 2)
    {
        break;
    }
}

Console.WriteLine("4. select email, name, status from customers:");
foreach (string row in rows)
{
    Console.WriteLine($"   {row}");
}

foreach (WebApplication app in apps)
{
    await app.StopAsync();
    await app.DisposeAsync();
}

foreach (string file in new[] { sqlite, sqlite + "-wal", sqlite + "-shm", sqlite + "-mirror.lock" })
{
    File.Delete(file);
}
if (!rows.SequenceEqual(expected))
{
    Console.Error.WriteLine("The mirror did not catch up within a minute.");
    return 1;
}

Console.WriteLine("Done.");
return 0;

async Task<string[]> QueryAsync(string sql)
{
    await using DbConnection connection = postgres is null ? new SqliteConnection($"Data Source={sqlite};Mode=ReadOnly;Pooling=false") : new NpgsqlConnection(postgres);
    try
    {
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        var found = new List<string>();
        while (await reader.ReadAsync())
        {
            found.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)));
        }

        return [.. found];
    }
    catch (DbException)
    {
        return []; // the file or the tables are not made yet
    }
}

string? Option(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
