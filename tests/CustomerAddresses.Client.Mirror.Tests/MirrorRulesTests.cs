using CustomerAddresses.Client.Testing;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.Mirror.Tests;

/// <summary>
/// The mirror's rules, one at a time, on both databases: each event applied once; never an older state over a newer
/// one; on a tie with other content the entity fetched from the API; a deleted payment method never comes back; one
/// leader at a time, taken over when it ends; the schema versioned.
/// </summary>
public sealed class MirrorRulesTests : IAsyncLifetime, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mirror-rules-").FullName;
    private CustomerAddressesEmulator _emulator = null!;
    private CustomerAddressesClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RecordRequests = false });
        _client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = _emulator.BaseAddress, Dialect = ApiDialect.PaddleBilling });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<CustomerMirrorOptions> Database(string kind) => kind == "sqlite"
        ? new CustomerMirrorOptions { SqlitePath = Path.Combine(_directory, $"{Guid.NewGuid():N}.db") }
        : new CustomerMirrorOptions { PostgresConnectionString = await PostgresServer.CreateDatabaseAsync() };

    private async Task<List<PaddleWebhookEvent>> EventsAsync() =>
        await _client.Events.ListAsync(new ListEventsOptions { Order = SortOrder.Ascending }).ToListAsync();

    private static async Task<string?> NameAsync(CustomerMirror mirror, CustomerId id) =>
        (await mirror.TablesAsync(CancellationToken.None))["customers"].Single(r => r["id"] == id.Value)["name"];

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_event_is_applied_once_and_an_older_state_never_overwrites_a_newer_one(string kind)
    {
        Customer ann = await _client.Customers.CreateAsync(new CreateCustomerRequest { Email = "ann@example.com", Name = "Ann" });
        await _client.Customers.UpdateAsync(ann.Id, new UpdateCustomerRequest { Name = "Ann B" });
        await _client.Customers.UpdateAsync(ann.Id, new UpdateCustomerRequest { Name = "Ann C" });
        List<PaddleWebhookEvent> events = await EventsAsync();
        var mirror = new CustomerMirror(_client, await Database(kind));

        Assert.True(await mirror.ApplyAsync(events[2])); // the newest first, as a reordered delivery brings it
        Assert.False(await mirror.ApplyAsync(events[1])); // older: not written
        Assert.False(await mirror.ApplyAsync(events[2])); // again: a duplicate
        Assert.False(await mirror.ApplyAsync(events[0]));

        Assert.Equal("Ann C", await NameAsync(mirror, ann.Id));
        MirrorProgress progress = mirror.Progress;
        Assert.Equal((3L, 1L, 2L, 1L), (progress.EventsApplied, progress.EventsDuplicate, progress.OlderStatesSkipped, progress.RowsWritten));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Two_states_of_the_same_time_are_settled_by_the_api(string kind)
    {
        Customer ann = await _client.Customers.CreateAsync(new CreateCustomerRequest { Email = "ann@example.com", Name = "Ann" });
        var real = (CustomerWebhookEvent)(await EventsAsync())[0];
        var forged = new CustomerWebhookEvent("evt_01zzzzzzzzzzzzzzzzzzzzzzzz", real.EventType, real.OccurredAt, null, real.Customer with { Name = "Not Ann" });
        var mirror = new CustomerMirror(_client, await Database(kind));

        await mirror.ApplyAsync(forged); // what the row holds: another state with the same updated_at
        await mirror.ApplyAsync(real);

        Assert.Equal("Ann", await NameAsync(mirror, ann.Id)); // the API's
        Assert.Equal(1L, mirror.Progress.EntitiesFetched);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_deleted_payment_method_never_comes_back_whatever_order_its_events_come_in(string kind)
    {
        Customer ann = await _client.Customers.CreateAsync(new CreateCustomerRequest { Email = "ann@example.com" });
        Address home = await _client.Addresses.CreateAsync(ann.Id, new CreateAddressRequest { Country = CountryCode.Parse("US") });
        string kept = _emulator.SavePaymentMethod(ann.Id.Value, home.Id.Value);
        string deleted = _emulator.SavePaymentMethod(ann.Id.Value, home.Id.Value, "paypal");
        await _client.PaymentMethods.DeleteAsync(ann.Id, PaymentMethodId.Parse(deleted));
        List<PaddleWebhookEvent> events = await EventsAsync();
        var mirror = new CustomerMirror(_client, await Database(kind));

        foreach (PaddleWebhookEvent e in events.AsEnumerable().Reverse()) // the deletion before the saves
        {
            await mirror.ApplyAsync(e);
        }

        Dictionary<string, string?> row = Assert.Single((await mirror.TablesAsync(CancellationToken.None))["payment_methods"]);
        Assert.Equal(kept, row["id"]);
        Assert.Contains("\"last4\"", row["card"], StringComparison.Ordinal); // fetched: Paddle's saved event carries no card
        await mirror.SyncAsync(); // a backfill and catch-up bring nothing back either
        await MirrorEquality.AssertEqualsServerAsync(_client, mirror);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task One_instance_leads_at_a_time_and_another_takes_over_when_it_ends(string kind)
    {
        CustomerMirrorOptions options = await Database(kind);
        MirrorStore store = options.SqlitePath is { } path ? MirrorStore.Sqlite(path) : MirrorStore.Postgres(options.PostgresConnectionString!);
        await store.MigrateAsync(CancellationToken.None);

        IAsyncDisposable? first = await store.TryLeadAsync(CancellationToken.None);
        IAsyncDisposable? second = await store.TryLeadAsync(CancellationToken.None);
        var mirror = new CustomerMirror(_client, options);
        MirrorProgress whileLed = await mirror.SyncAsync();
        await first!.DisposeAsync(); // its holder ends (a process that dies closes its connection or file the same way)
        IAsyncDisposable? third = await store.TryLeadAsync(CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.False(whileLed.Led);
        Assert.NotNull(third);
        await third!.DisposeAsync();
    }

    [Fact]
    public async Task A_mirror_not_caught_up_for_longer_than_paddle_keeps_events_backfills_afresh_and_drops_what_is_gone()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = _emulator.BaseAddress, Dialect = ApiDialect.PaddleBilling, TimeProvider = time });
        Customer ann = await _client.Customers.CreateAsync(new CreateCustomerRequest { Email = "ann@example.com" });
        Address home = await _client.Addresses.CreateAsync(ann.Id, new CreateAddressRequest { Country = CountryCode.Parse("US") });
        string card = _emulator.SavePaymentMethod(ann.Id.Value, home.Id.Value);
        var options = new CustomerMirrorOptions { SqlitePath = Path.Combine(_directory, "old.db"), EventRetention = TimeSpan.FromDays(30) };
        await new CustomerMirror(client, options).SyncAsync();

        var within = new CustomerMirror(client, options);
        time.Advance(TimeSpan.FromDays(29));
        await within.SyncAsync();
        // Gone while the mirror was away, and (as if its event had expired) never applied from the list:
        await _client.PaymentMethods.DeleteAsync(ann.Id, PaymentMethodId.Parse(card));
        var stale = new CustomerMirror(client, options);
        time.Advance(TimeSpan.FromDays(31));
        await stale.SyncAsync();

        Assert.Equal(0L, within.Progress.CustomersBackfilled); // caught up 29 days ago: the events list still has all
        Assert.Equal(1L, stale.Progress.CustomersBackfilled); // 31 days: a fresh backfill
        Assert.Empty((await stale.TablesAsync(CancellationToken.None))["payment_methods"]);
        await MirrorEquality.AssertEqualsServerAsync(_client, stale);
    }

    [Fact]
    public async Task The_sqlite_file_is_its_owners_only_and_a_newer_schema_is_refused()
    {
        string path = Path.Combine(_directory, "customers.db");
        await new CustomerMirror(_client, new CustomerMirrorOptions { SqlitePath = path }).SyncAsync();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE _mirror_state SET value = '99' WHERE name = 'schema_version'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => new CustomerMirror(_client, new CustomerMirrorOptions { SqlitePath = path }).SyncAsync());

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.Contains("schema version 99", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_name_one_database_and_never_show_a_connection_string()
    {
        var options = new CustomerMirrorOptions { PostgresConnectionString = "Host=db;Password=Sup3rSecretPw" };

        Assert.Throws<ArgumentException>(() => new CustomerMirror(_client, new CustomerMirrorOptions()));
        Assert.Throws<ArgumentException>(() => new CustomerMirror(_client, options with { SqlitePath = "a.db" }));
        using var apiV1 = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = _emulator.ApiV1BaseAddress, Dialect = ApiDialect.CustomersApiV1 });
        Assert.Throws<NotSupportedException>(() => new CustomerMirror(apiV1, options));
        Assert.DoesNotContain("Sup3rSecretPw", options.ToString(), StringComparison.Ordinal);
    }
}
