using Microsoft.Extensions.DependencyInjection;
using CustomerAddresses.Client.Testing;

namespace CustomerAddresses.Client.Bulk.Tests;

/// <summary>
/// The journal cannot be fooled: rows are matched by content, so a file fixed, edited or with rows inserted imports what
/// is new and says what changed; a journal edited, cut, of another server or source, not a journal at all, or held by
/// another import is refused with a <see cref="BulkJournalException"/> naming the file and the line, and left as it was;
/// it is created readable by its owner only.
/// </summary>
public sealed class JournalTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bulk-journal-").FullName;
    private CustomerAddressesEmulator _emulator = null!;
    private CustomerAddressesClient _client = null!;

    private string Journal => Path.Combine(_directory, "customers.journal");

    public async Task InitializeAsync()
    {
        _emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RecordRequests = false });
        _client = Client(_emulator);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static CustomerAddressesClient Client(CustomerAddressesEmulator emulator) =>
        new(new CustomerAddressesClientOptions { BaseAddress = emulator.BaseAddress, Dialect = ApiDialect.PaddleBilling });

    private static BulkImportRow Row(long line, string email, string city = "York", string country = "GB") =>
        new() { LineNumber = line, Email = email, Country = country, City = city };

    private async Task<(BulkProgress Result, List<BulkRejectedRow> Rejected)> Import(IEnumerable<BulkImportRow> rows, CustomerAddressesClient? client = null, string? source = null, int concurrency = 4)
    {
        var rejected = new List<BulkRejectedRow>();
        BulkProgress result = await new BulkClient(client ?? _client).ImportAsync(rows.ToAsyncEnumerable(), new BulkImportOptions
        {
            JournalPath = Journal,
            Source = source,
            MaxConcurrency = concurrency,
            SettleDelay = TimeSpan.Zero,
            OnRejected = (r, _) =>
            {
                rejected.Add(r); // called one at a time, in order
                return ValueTask.CompletedTask;
            },
        });
        return (result, rejected);
    }

    private async Task<Dictionary<string, List<string?>>> ServerCities()
    {
        var cities = new Dictionary<string, List<string?>>(StringComparer.Ordinal);
        await foreach (BulkExportRecord record in new BulkClient(_client).ExportAsync())
        {
            (cities.TryGetValue(record.Customer.Email!, out List<string?>? list) ? list : cities[record.Customer.Email!] = []).Add(record.Address?.City);
        }

        return cities;
    }

    [Fact]
    public async Task A_row_fixed_in_place_is_imported_on_the_next_run_and_the_summary_says_what_changed()
    {
        BulkImportRow[] first = [Row(2, "a@example.com"), Row(3, "b@example.com", country: "ZZ"), Row(4, "c@example.com")];
        (BulkProgress before, List<BulkRejectedRow> rejectedBefore) = await Import(first);
        BulkImportRow[] fixedRows = [Row(2, "a@example.com"), Row(3, "b@example.com", country: "DE"), Row(4, "c@example.com")];
        (BulkProgress after, List<BulkRejectedRow> rejectedAfter) = await Import(fixedRows);

        Assert.Equal(1L, before.Rejected);
        Assert.Equal([3L], rejectedBefore.Select(r => r.Row.LineNumber));
        Assert.Empty(rejectedAfter);
        Assert.Equal((2L, 1L, 1L, 0L), (after.RowsDoneBefore, after.RowsChanged, after.RowsRemoved, after.Rejected));
        Assert.Equal(["York"], (await ServerCities())["b@example.com"]);
    }

    [Fact]
    public async Task A_row_inserted_above_finished_rows_is_imported_and_the_finished_ones_are_not_sent_again()
    {
        await Import([Row(2, "a@example.com"), Row(3, "b@example.com")]);
        long requestsBefore = _client.Statistics.Requests;
        (BulkProgress result, _) = await Import([Row(2, "new@example.com"), Row(3, "a@example.com"), Row(4, "b@example.com")]);

        Assert.Equal((2L, 1L, 0L, 3L), (result.RowsDoneBefore, result.RowsChanged, result.RowsRemoved, result.RowsDone));
        Assert.Equal(3, (await ServerCities()).Count);
        Assert.True(result.Requests <= 3, $"only the new row is sent (a create, and at most a lookup): {result.Requests} requests; {_client.Statistics.Requests - requestsBefore}");
    }

    [Fact]
    public async Task A_journal_with_its_first_line_deleted_is_refused_and_so_is_one_of_another_server()
    {
        await Import([Row(2, "a@example.com")]);
        await using var other = await CustomerAddressesEmulator.StartAsync();
        using CustomerAddressesClient otherClient = Client(other);

        var wrongServer = await Assert.ThrowsAsync<BulkJournalException>(() => Import([Row(2, "a@example.com")], otherClient));
        string[] lines = File.ReadAllLines(Journal);
        File.WriteAllLines(Journal, lines[1..]);
        byte[] cut = File.ReadAllBytes(Journal);
        var headless = await Assert.ThrowsAsync<BulkJournalException>(() => Import([Row(2, "a@example.com")], otherClient));

        Assert.Equal((Journal, 1L), (wrongServer.JournalPath, wrongServer.Line));
        Assert.Contains("another server", wrongServer.Message, StringComparison.Ordinal);
        Assert.Equal(1L, headless.Line);
        Assert.Equal(cut, File.ReadAllBytes(Journal)); // left as it was
        Assert.Empty(await new BulkClient(otherClient).ExportAsync().ToListAsync());
    }

    [Fact]
    public async Task An_edited_record_breaks_the_chain_and_is_refused_at_its_line()
    {
        await Import([Row(2, "a@example.com"), Row(3, "b@example.com")]);
        string[] lines = File.ReadAllLines(Journal);
        int edited = Array.FindLastIndex(lines, l => l.Contains("\"t\":\"r\"", StringComparison.Ordinal));
        lines[edited] = lines[edited].Replace("\"af\":false", "\"af\":true", StringComparison.Ordinal);
        File.WriteAllLines(Journal, lines);

        var e = await Assert.ThrowsAsync<BulkJournalException>(() => Import([Row(2, "a@example.com")]));

        Assert.Equal(edited + 1, e.Line);
        Assert.Contains("edited", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"t\":\"r\"}")]
    [InlineData("[1,2,3]")]
    [InlineData("not json")]
    public async Task A_line_that_is_not_a_record_is_a_typed_exception_naming_the_journal_and_the_line(string line)
    {
        await Import([Row(2, "a@example.com")]);
        File.AppendAllText(Journal, line + "\n" + "{\"t\":\"x\"}\n");

        var e = await Assert.ThrowsAsync<BulkJournalException>(() => Import([Row(2, "a@example.com")]));

        Assert.Equal(File.ReadAllLines(Journal).Length - 1, e.Line);
        Assert.Contains(Journal, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_journal_is_never_written_to_directly_or_through_a_link()
    {
        string notes = Path.Combine(_directory, "notes.txt");
        File.WriteAllText(notes, "my notes, not a journal");
        string link = Path.Combine(_directory, "link.journal");
        File.CreateSymbolicLink(link, notes);

        foreach (string path in (string[])[notes, link])
        {
            var e = await Assert.ThrowsAsync<BulkJournalException>(() => new BulkClient(_client).ImportAsync(
                new[] { Row(2, "a@example.com") }.ToAsyncEnumerable(), new BulkImportOptions { JournalPath = path }));
            Assert.Contains("not an import journal", e.Reason, StringComparison.Ordinal);
        }

        Assert.Equal("my notes, not a journal", File.ReadAllText(notes));
        Assert.Empty(await new BulkClient(_client).ExportAsync().ToListAsync());
    }

    [Fact]
    public async Task Two_imports_of_one_journal_at_once_the_second_is_refused_and_nothing_is_doubled()
    {
        BulkImportRow[] rows = [.. Enumerable.Range(0, 12).Select(i => Row(i + 2, $"c{i}@example.com"))];
        await using var slow = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { LatencyRate = 1, Latency = TimeSpan.FromMilliseconds(50) });
        using CustomerAddressesClient client = Client(slow);
        Task<(BulkProgress, List<BulkRejectedRow>)> first = Import(rows, client, concurrency: 1);
        await Task.Delay(100);
        var second = await Assert.ThrowsAsync<BulkJournalException>(() => Import(rows, client));
        await first;
        (BulkProgress third, _) = await Import(rows, client);

        Assert.Contains("in use by another import", second.Reason, StringComparison.Ordinal);
        Assert.Null(second.Line);
        Assert.Equal((12L, 0L), (third.RowsDoneBefore, third.Requests));
        List<BulkExportRecord> server = await new BulkClient(client).ExportAsync().ToListAsync();
        Assert.Equal(12, server.Count);
    }

    [Fact]
    public async Task The_journal_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await Import([Row(2, "a@example.com")]);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Journal));
    }

    [Fact]
    public async Task A_journal_of_one_source_is_refused_for_another()
    {
        await Import([Row(2, "a@example.com")], source: "/data/customers.csv");

        var e = await Assert.ThrowsAsync<BulkJournalException>(() => Import([Row(2, "a@example.com")], source: "/data/other.csv"));

        Assert.Contains("another source", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejections_are_reported_in_the_rows_order_whatever_finishes_first()
    {
        await using var slow = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { LatencyRate = 1, Latency = TimeSpan.FromMilliseconds(30) });
        using CustomerAddressesClient client = Client(slow);
        BulkImportRow[] rows = [.. Enumerable.Range(0, 30).Select(i => i % 3 == 2
            ? Row(i + 2, $"s{i}@example.com", country: "ZZ")    // rejected at once, without a request
            : Row(i + 2, $"s{i}@example.com"))];                // sent: finishes later

        (BulkProgress result, List<BulkRejectedRow> rejected) = await Import(rows, client, concurrency: 8);

        Assert.Equal(10, result.Rejected);
        Assert.Equal([.. rows.Where((_, i) => i % 3 == 2).Select(r => r.LineNumber)], rejected.Select(r => r.Row.LineNumber));
    }

    [Fact]
    public async Task The_same_email_with_another_name_or_locale_is_rejected_not_dropped()
    {
        BulkImportRow[] rows =
        [
            Row(2, "jo@example.com") with { Name = "Jo Brown", Locale = "en" },
            Row(3, "JO@example.com", city: "Leeds") with { Name = "Joanna Brown" },
            Row(4, "jo@example.com", city: "Bath") with { Locale = "fr" },
            Row(5, "jo@example.com", city: "Hull"),
        ];

        (BulkProgress result, List<BulkRejectedRow> rejected) = await Import(rows);

        Assert.Equal([3L, 4L], rejected.Select(r => r.Row.LineNumber));
        Assert.Contains("name differs from the name line 2 gives", rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("locale differs", rejected[1].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Joanna", rejected[0].Reason, StringComparison.Ordinal);
        Assert.Equal(["York", "Hull"], (await ServerCities())["jo@example.com"]);
        Assert.Equal(2, result.Rejected);
    }

    [Fact]
    public async Task Rows_are_checked_by_the_clients_own_validation_naming_the_column()
    {
        (_, List<BulkRejectedRow> rejected) = await Import([
            new BulkImportRow { LineNumber = 2, Email = "no-at-sign" },
            new BulkImportRow { LineNumber = 3, Email = "a@example.com", Country = "DE", City = new string('x', 201) },
        ]);

        Assert.Equal("email must be an email address (it has no '@').", rejected[0].Reason);
        Assert.StartsWith("city must be at most 200 characters", rejected[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bulk_client_is_registered_with_dependency_injection_over_the_containers_client()
    {
        var services = new ServiceCollection();
        services.AddCustomerAddressesClient(o => o.BaseAddress = new Uri("http://127.0.0.1:9/"));
        services.AddCustomerAddressesBulkClient();
        using ServiceProvider provider = services.BuildServiceProvider();

        BulkClient bulk = provider.GetRequiredService<BulkClient>();

        Assert.Same(bulk, provider.GetRequiredService<BulkClient>());
    }
}
