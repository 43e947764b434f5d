using System.Net;
using CustomerAddresses.Client.Testing;
using CustomerAddresses.Client.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using CustomerAddresses.Client.Bulk;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>The bulk import through the library: its journal, its dry run, its rate limit against the emulator's, and its export.</summary>
public sealed class BulkImportTests : IDisposable
{
    private readonly string _journal = Path.Combine(Path.GetTempPath(), $"bulk-{Guid.NewGuid():N}.journal");

    private static BulkImportRow Row(long line, string? email, string? country = "GB", string? city = "York") =>
        new() { LineNumber = line, Email = email, Name = "Imported", Country = country, City = city };

    private static CustomerAddressesClient Client(CustomerAddressesEmulator emulator, Action<CustomerAddressesClientOptions>? configure = null) =>
        TestClients.Create(emulator.BaseAddress, o =>
        {
            o.Dialect = ApiDialect.PaddleBilling;
            configure?.Invoke(o);
        });

    [Fact]
    public async Task The_emulator_enforces_Paddles_limit_as_Paddle_answers_it()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RequestsPerMinute = 3, TimeProvider = clock });
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 4; i++)
        {
            statuses.Add((await http.GetAsync("customers")).StatusCode);
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        using HttpResponseMessage refused = await http.GetAsync("customers");
        string body = await refused.Content.ReadAsStringAsync();
        clock.Advance(TimeSpan.FromSeconds(20)); // the first request leaves the minute
        HttpStatusCode after = (await http.GetAsync("customers")).StatusCode;

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(20), refused.Headers.RetryAfter!.Delta);
        Assert.Contains("\"type\":\"api_error\",\"code\":\"too_many_requests\",\"detail\":\"IP address exceeded the allowed rate limit. Retry after the number of seconds in the Retry-After header.\"", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after);
    }

    [Fact]
    public async Task At_the_servers_limit_an_import_receives_no_429_and_without_the_limit_it_does()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RequestsPerMinute = 1200 });
        BulkImportRow[] rows = [.. Enumerable.Range(1, 24).Select(i => Row(i, $"rate{i}@example.com"))];
        using CustomerAddressesClient paced = Client(emulator, o => o.RateLimit.RequestsPerMinute = 1200);
        BulkProgress result = await new BulkClient(paced).ImportAsync(rows.ToAsyncEnumerable(), new BulkImportOptions { JournalPath = _journal, MaxConcurrency = 8 });

        await using var strict = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RequestsPerMinute = 30 });
        using CustomerAddressesClient unpaced = Client(strict, o => o.Retry.MaxRetries = 0);
        int refused = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 60), async (_, ct) =>
        {
            try
            {
                await unpaced.Customers.GetAsync(CustomerId.Parse("ctm_01hv6y1jedq4p1n0yqn5ba3ky4"), ct);
            }
            catch (RateLimitedException)
            {
                Interlocked.Increment(ref refused);
            }
            catch (ResourceNotFoundException)
            {
                // within the limit
            }
        });

        Assert.Equal((24, 24, 0L), (result.CustomersCreated, result.AddressesCreated, result.RateLimited));
        Assert.Equal(48, result.Requests);
        Assert.True(refused > 0, "without its own limit a client bounces off the server's");
    }

    [Fact]
    public async Task A_dry_run_checks_every_row_as_a_real_run_does_and_sends_nothing()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using CustomerAddressesClient client = Client(emulator);
        BulkImportRow[] rows =
        [
            Row(1, "ok@example.com"),
            Row(2, null),
            Row(3, "zz@example.com", country: "ZZ"),
            Row(4, "nocountry@example.com", country: null, city: "York"),
            Row(5, "phone@example.com") with { OtherMembers = ["phone"] },
            Row(6, "x@example.com") with { Problem = "is not valid JSON" },
        ];
        var reasons = new Dictionary<long, string>();

        BulkProgress result = await new BulkClient(client).ImportAsync(rows.ToAsyncEnumerable(), new BulkImportOptions
        {
            DryRun = true,
            MaxConcurrency = 1,
            OnRejected = (r, _) => { reasons[r.Row.LineNumber] = r.Reason; return ValueTask.CompletedTask; },
        });

        Assert.Equal(0, emulator.Statistics.Requests);
        Assert.False(File.Exists(_journal));
        Assert.Equal((6L, 5L), (result.RowsDone, result.Rejected));
        Assert.Equal("email is required and must not be empty or white space.", reasons[2]);
        Assert.Contains("country_code must be an ISO 3166-1 alpha-2 country code that ISO assigns to a country", reasons[3], StringComparison.Ordinal);
        Assert.Equal("country_code is required for an address.", reasons[4]);
        Assert.StartsWith("'phone' is not a member an import reads", reasons[5], StringComparison.Ordinal);
        Assert.Equal("is not valid JSON", reasons[6]);
    }

    [Fact]
    public async Task A_row_the_dialect_does_not_define_is_rejected_and_the_server_refuses_the_rest_row_by_row()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using CustomerAddressesClient apiV1 = TestClients.Create(emulator.ApiV1BaseAddress, o => o.Dialect = ApiDialect.CustomersApiV1);
        using CustomerAddressesClient paddle = Client(emulator);
        var reasons = new List<string>();
        var options = new BulkImportOptions { JournalPath = _journal, OnRejected = (r, _) => { reasons.Add(r.Reason); return ValueTask.CompletedTask; } };

        await new BulkClient(apiV1).ImportAsync(new[] { Row(1, "v1@example.com") with { Locale = "fr", Region = "North" } }.ToAsyncEnumerable(), options with { JournalPath = _journal + ".v1" });
        BulkProgress paddleResult = await new BulkClient(paddle).ImportAsync(new[] { Row(1, "ru@example.com", country: "RU"), Row(2, "de@example.com", country: "DE") }.ToAsyncEnumerable(), options);

        Assert.Contains("locale", reasons[0], StringComparison.Ordinal);
        Assert.Contains("country_code", reasons[1], StringComparison.Ordinal); // Paddle does not sell to RU: the server's 400
        Assert.Equal((1L, 2L, 1L), (paddleResult.AddressesCreated, paddleResult.CustomersCreated, paddleResult.Rejected));
        File.Delete(_journal + ".v1");
    }

    [Fact]
    public async Task A_journal_of_another_server_or_a_damaged_one_is_refused_and_a_torn_last_line_is_dropped()
    {
        await using var first = await CustomerAddressesEmulator.StartAsync();
        await using var second = await CustomerAddressesEmulator.StartAsync();
        BulkImportRow[] rows = [Row(1, "a@example.com"), Row(2, "b@example.com")];
        using (CustomerAddressesClient client = Client(first))
        {
            await new BulkClient(client).ImportAsync(rows.ToAsyncEnumerable(), new BulkImportOptions { JournalPath = _journal });
        }

        using CustomerAddressesClient other = Client(second);
        var wrongServer = await Assert.ThrowsAsync<BulkJournalException>(() => new BulkClient(other).ImportAsync(rows.ToAsyncEnumerable(), new BulkImportOptions { JournalPath = _journal }));
        Assert.Contains("is of an import into", wrongServer.Message, StringComparison.Ordinal);

        File.AppendAllText(_journal, "{\"t\":\"c?\",\"e\":\"torn"); // a process killed mid-write
        using CustomerAddressesClient again = Client(first);
        BulkProgress resumed = await new BulkClient(again).ImportAsync(rows.ToAsyncEnumerable(), new BulkImportOptions { JournalPath = _journal });
        Assert.Equal((2L, 0L), (resumed.RowsDone, resumed.Requests));
        Assert.EndsWith("}\n", File.ReadAllText(_journal), StringComparison.Ordinal);

        File.WriteAllText(_journal, "not json\n{\"t\":\"r\",\"l\":1,\"af\":false}\n");
        var damaged = await Assert.ThrowsAsync<BulkJournalException>(() => new BulkClient(again).ImportAsync(rows.ToAsyncEnumerable(), new BulkImportOptions { JournalPath = _journal }));
        Assert.Equal(1L, damaged.Line);
        Assert.Contains("not an import journal", damaged.Message, StringComparison.Ordinal);
        Assert.StartsWith("not json\n", File.ReadAllText(_journal), StringComparison.Ordinal); // left as it was
    }

    public void Dispose() => File.Delete(_journal);
}
