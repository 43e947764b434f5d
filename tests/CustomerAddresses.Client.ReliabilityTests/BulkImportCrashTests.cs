using CsCheck;
using CustomerAddresses.Client.Testing;
using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Bulk;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary>
/// The bulk import's journal and resolution logic, over random files and random crash points: a run stopped at any
/// request (before it leaves, or after the server processed it and before its answer arrives), on an emulator that also
/// cuts answers off and fails with 5xx, and started again with the same rows and journal, always ends with exactly the
/// rows of the file on the server: each customer once, each distinct address once, the bad rows rejected.
/// </summary>
public sealed class BulkImportCrashTests
{
    private static readonly string[] s_emails = ["ann@example.com", "bo@example.com", "cy@example.com", "dee@example.com", "ed@example.com"];
    private static readonly string[] s_cities = ["York", "Leeds", "Hull"];

    /// <summary>A row: an email (sometimes missing, a bad row), and sometimes an address in one of three cities (or in ZZ, a bad row).</summary>
    private static readonly Gen<(int Email, int City, int Kind)> s_row = Gen.Select(Gen.Int[0, s_emails.Length], Gen.Int[0, s_cities.Length - 1], Gen.Int[0, 9]);

    private static BulkImportRow Row(long line, (int Email, int City, int Kind) r) => new()
    {
        LineNumber = line,
        Email = r.Email == s_emails.Length ? null : s_emails[r.Email],
        Name = "Imported",
        Country = r.Kind switch { 0 => null, 9 => "ZZ", _ => "GB" },
        City = r.Kind == 0 ? null : s_cities[r.City],
    };

    /// <summary>Stops the run at a request: before it leaves, or once the server processed it (its answer is lost), as a kill would.</summary>
    private sealed class Crash(int at, bool afterServer, CancellationTokenSource run) : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _count;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _count) != at)
            {
                return await base.SendAsync(request, cancellationToken);
            }

            if (afterServer)
            {
                using HttpResponseMessage lost = await base.SendAsync(request, CancellationToken.None);
                await lost.Content.ReadAsByteArrayAsync(CancellationToken.None);
            }

            await run.CancelAsync();
            throw new OperationCanceledException(run.Token);
        }
    }

    [Fact]
    public async Task Any_crash_point_then_a_restart_ends_with_exactly_the_files_rows_on_the_server()
    {
        var gen = Gen.Select(s_row.List[6, 24], Gen.Int[1, 40].List[1, 3], Gen.Bool.List[3], Gen.Bool);
        await gen.SampleAsync(
            async sample =>
            {
                (List<(int Email, int City, int Kind)> spec, List<int> crashes, List<bool> afterServer, bool faults) = sample;
                List<BulkImportRow> rows = [.. spec.Select((r, i) => Row(i + 1, r))];
                await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions
                {
                    RecordRequests = false,
                    Seed = 17,
                    AbortRate = faults ? 0.15 : 0,
                    ServerErrorRate = faults ? 0.1 : 0,
                });
                string journal = Path.Combine(Path.GetTempPath(), $"bulk-{Guid.NewGuid():N}.journal");
                try
                {
                    var rejected = new List<long>();
                    BulkProgress? done = null;
                    for (int run = 0; done is null; run++)
                    {
                        using var stop = new CancellationTokenSource();
                        HttpMessageHandler handler = run < crashes.Count ? new Crash(crashes[run], afterServer[run], stop) : new SocketsHttpHandler();
                        using CustomerAddressesClient client = TestClients.Create(emulator.BaseAddress, handler, o =>
                        {
                            o.Dialect = ApiDialect.PaddleBilling;
                            // As many tries as the chaos suites give a read: at these fault rates a lookup fails all
                            // 11 about once in four million, where 5 tries failed once in every few runs of this test.
                            o.Retry.MaxRetries = 10;
                            o.Retry.BaseDelay = TimeSpan.Zero;
                            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(1);
                        });
                        rejected.Clear();
                        var options = new BulkImportOptions
                        {
                            JournalPath = journal,
                            MaxConcurrency = 3,
                            SettleDelay = TimeSpan.Zero,
                            OnRejected = (r, _) => { rejected.Add(r.Row.LineNumber); return ValueTask.CompletedTask; },
                        };
                        try
                        {
                            done = await new BulkClient(client).ImportAsync(rows.ToAsyncEnumerable(), options, cancellationToken: stop.Token);
                        }
                        catch (OperationCanceledException) when (stop.IsCancellationRequested)
                        {
                            // killed: run again
                        }
                    }

                    await AssertServerHoldsExactly(emulator, rows);
                    Assert.Equal(rows.Where(r => r.Email is null || r.Country == "ZZ").Select(r => r.LineNumber).Order(), rejected.Order());
                    Assert.Equal(rows.Count, done.RowsDone);
                }
                finally
                {
                    File.Delete(journal);
                }
            },
            iter: 40,
            threads: 1,
            seed: Environment.GetEnvironmentVariable("BULK_SEED"));
    }

    /// <summary>Each email of a good row is one customer; its active addresses are the distinct cities of its good rows, each once.</summary>
    internal static async Task AssertServerHoldsExactly(CustomerAddressesEmulator emulator, IReadOnlyList<BulkImportRow> rows)
    {
        using CustomerAddressesClient client = TestClients.Create(emulator.BaseAddress, o => o.Dialect = ApiDialect.PaddleBilling);
        List<Customer> customers = await client.Customers.ListAsync(new ListCustomersOptions { Statuses = [CustomerStatus.Active, CustomerStatus.Archived] }).ToListAsync();
        var good = rows.Where(r => r.Email is not null && r.Country != "ZZ").ToList();
        Assert.Equal(good.Select(r => r.Email!).Distinct().Order(StringComparer.Ordinal), customers.Select(c => c.Email!).Order(StringComparer.Ordinal));
        foreach (Customer customer in customers)
        {
            List<Address> addresses = await client.Addresses.ListAsync(customer.Id).ToListAsync();
            string[] expected = [.. good.Where(r => r.Email == customer.Email && r.City is not null).Select(r => r.City!).Distinct().Order(StringComparer.Ordinal)];
            Assert.Equal(expected, addresses.Select(a => a.City!).Order(StringComparer.Ordinal));
        }
    }
}
