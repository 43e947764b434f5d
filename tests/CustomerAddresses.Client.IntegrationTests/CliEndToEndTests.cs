using System.Diagnostics;
using System.Text;
using CustomerAddresses.Client.Testing;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>
/// The packed <c>customeraddresses</c> tool against the emulator, as a user runs it: killed (SIGKILL) at random moments
/// while the emulator fails with 5xx, cuts answers off and answers 429, started again each time with the same file, and
/// in the end every good row is on the server exactly once and every bad row in the rejects file.
/// </summary>
[Collection(nameof(PackedCliTool))]
public sealed class CliEndToEndTests(PackedCliTool tool) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("customeraddresses-e2e-").FullName;

    private const string Header = "email,name,locale,country_code,description,first_line,second_line,city,postal_code,region";

    /// <summary>The file's rows as written: each row's text, and its email and address description when it is a good row (null when bad).</summary>
    private readonly List<(string Text, string? Email, string? Description)> _rows = [];

    /// <summary>What the server must hold after an import of the file: each email's distinct address descriptions.</summary>
    private readonly Dictionary<string, HashSet<string>> _expected = new(StringComparer.Ordinal);

    /// <summary>The bad rows as the file holds them: what the rejects file must hold, each once.</summary>
    private readonly List<string> _badRows = [];

    /// <summary>A CSV file: <paramref name="count"/> rows of a third as many customers, up to three distinct addresses each, and three bad rows in every 97.</summary>
    private string WriteFile(int count, out HashSet<long> badLines)
    {
        _rows.Clear();
        for (int i = 0; i < count; i++)
        {
            _rows.Add((i % 97) switch
            {
                13 => ("\"Quoted, no email\",en,GB,,,,York,,", null, null),
                29 => ($"bad{i}@example.com,Bad,en,ZZ,,,,York,,", null, null),
                41 => ($"fax{i}@example.com,\"Line\nbreak\",en,GB,,,,York,,,extra", null, null),
                _ => ($"user{i % (count / 3)}@example.com,\"Name, {i % (count / 3)}\",en,GB,\"Office \"\"{i % 3}\"\"\",1 Main St,,York,YO1,", $"user{i % (count / 3)}@example.com", $"Office \"{i % 3}\""),
            });
        }

        string path = Save();
        badLines = [.. _rows.Select((row, i) => (row, Line: i + 2L)).Where(r => r.row.Email is null).Select(r => r.Line)];
        return path;
    }

    /// <summary>Writes <see cref="_rows"/> as the file, and what an import of it must leave on the server and in the rejects file.</summary>
    private string Save()
    {
        _expected.Clear();
        _badRows.Clear();
        foreach ((string text, string? email, string? description) in _rows)
        {
            if (email is null)
            {
                _badRows.Add(text);
            }
            else
            {
                (_expected.TryGetValue(email, out HashSet<string>? descriptions) ? descriptions : _expected[email] = []).Add(description!);
            }
        }

        string path = Path.Combine(_directory, "customers.csv");
        File.WriteAllText(path, Header + "\n" + string.Concat(_rows.Select(r => r.Text + "\n")));
        return path;
    }

    /// <summary>
    /// The file as a user edits it between runs: the rows with a bad country fixed in place, the rows without an email
    /// deleted, and a new customer inserted above every finished row, so that every line number after it moves.
    /// </summary>
    private string EditFile()
    {
        for (int i = 0; i < _rows.Count; i++)
        {
            if (_rows[i].Text.Contains(",ZZ,", StringComparison.Ordinal))
            {
                string email = _rows[i].Text[.._rows[i].Text.IndexOf(',', StringComparison.Ordinal)];
                _rows[i] = ($"{email},Fixed,en,GB,Fixed office,,,York,,", email, "Fixed office");
            }
        }

        _rows.RemoveAll(r => r.Text.StartsWith("\"Quoted, no email\"", StringComparison.Ordinal));
        _rows.Insert(0, ("inserted@example.com,Inserted,en,GB,Inserted office,,,Leeds,,", "inserted@example.com", "Inserted office"));
        return Save();
    }

    /// <summary>Starts the tool's import of <paramref name="file"/>, its output read (and dropped) as it comes.</summary>
    private Process StartImport(CustomerAddressesEmulator emulator, string file)
    {
        Process run = tool.Start(emulator.BaseAddress, _directory, "import", file, "--dialect", "paddle", "--concurrency", "8");
        _ = run.StandardOutput.ReadToEndAsync();
        return run;
    }

    [Fact]
    public async Task Killed_three_times_and_restarted_it_ends_with_every_good_row_on_the_server_once()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions
        {
            RecordRequests = false,
            ServerErrorRate = 0.03,
            AbortRate = 0.05,
            RateLimitRate = 0.02,
            RetryAfterSeconds = 0,
        });
        string file = WriteFile(300, out _);
        var random = new Random();
        var refusals = new List<string>();
        for (int kill = 0, attempt = 0; kill < 3; attempt++)
        {
            if (kill == 1)
            {
                file = EditFile(); // fixed, deleted and inserted rows between two runs of one journal
            }

            // The second time, two imports of one file (one journal) at once, as two terminals would start them: one
            // holds the journal, the other is refused at once (or runs after it, if the first one finished before it
            // started); either way nothing is doubled and the journal stays whole for the runs after.
            using Process run = StartImport(emulator, file);
            using Process? twin = kill == 1 ? StartImport(emulator, file) : null;
            Task<string> runError = run.StandardError.ReadToEndAsync();
            Task<string> twinError = twin?.StandardError.ReadToEndAsync() ?? Task.FromResult(string.Empty);
            await Task.Delay(random.Next(300, 1500) + (attempt * 500));
            run.Kill(); // SIGKILL on Linux and macOS: no cleanup of any kind
            twin?.Kill();
            await run.WaitForExitAsync();
            await (twin?.WaitForExitAsync() ?? Task.CompletedTask);
            refusals.AddRange([.. run.ExitCode == 2 ? [await runError] : Array.Empty<string>(), .. twin?.ExitCode == 2 ? [await twinError] : Array.Empty<string>()]);

            // The first kill counts once it left finished rows in the journal (a header and a record), for the runs after to compare with.
            kill += kill > 0 || (File.Exists(file + ".journal") && File.ReadLines(file + ".journal").Count() >= 2) ? 1 : 0;
        }

        (int exitCode, string output, string error) = await tool.RunAsync(emulator.BaseAddress, _directory, "import", file, "--dialect", "paddle", "--concurrency", "8");

        Assert.True(exitCode == 1, $"exit {exitCode}\n{output}\n{error}");
        Assert.Contains($"rejected: {_badRows.Count}", output, StringComparison.Ordinal);
        Assert.Contains("since the last run: ", output, StringComparison.Ordinal);
        Assert.All(refusals, refusal => Assert.Matches(@"\Acustomeraddresses: [^\n]*in use by another import[^\n]*\n\z", refusal));
        Assert.DoesNotContain("pdl_sdbx_apikey_e2e_secret", output + error, StringComparison.Ordinal);
        await AssertServerHolds(emulator);
        string rejects = File.ReadAllText(Path.Combine(_directory, "customers.rejects.csv"));
        Assert.StartsWith(Header + ",line,reason\n", rejects, StringComparison.Ordinal);
        Assert.All(_badRows, row => Assert.Contains(row + ",", rejects, StringComparison.Ordinal));
        Assert.Equal(rejects.Split('\n').Length, 2 + _badRows.Sum(row => row.Split('\n').Length)); // the header, each bad row once, the last line feed
    }

    [Fact]
    public async Task The_same_file_imported_twice_creates_nothing_the_second_time_and_a_dry_run_sends_nothing()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        string file = WriteFile(120, out _);
        (int first, string firstOutput, _) = await tool.RunAsync(emulator.BaseAddress, _directory, "import", file, "--dialect", "paddle");
        long requests = emulator.Statistics.Requests;

        (int dry, string dryOutput, _) = await tool.RunAsync(emulator.BaseAddress, _directory, "import", file, "--dialect", "paddle", "--dry-run");
        Assert.Equal(requests, emulator.Statistics.Requests);
        (int again, string againOutput, _) = await tool.RunAsync(emulator.BaseAddress, _directory, "import", file, "--dialect", "paddle", "--journal", Path.Combine(_directory, "another.journal"));

        Assert.Equal((1, 1, 1), (first, dry, again));
        Assert.Contains("customers: 40 created, 0 found", firstOutput, StringComparison.Ordinal);
        Assert.Contains("would be imported", dryOutput, StringComparison.Ordinal);
        Assert.Contains("customers: 0 created, 40 found", againOutput, StringComparison.Ordinal);
        Assert.Contains("addresses: 0 created", againOutput, StringComparison.Ordinal);
        await AssertServerHolds(emulator);
    }

    [Fact]
    public async Task An_export_with_businesses_imports_elsewhere_into_the_same_customers_addresses_and_businesses()
    {
        await using var source = await CustomerAddressesEmulator.StartAsync();
        await using var target = await CustomerAddressesEmulator.StartAsync();
        string file = WriteFile(60, out _);
        await tool.RunAsync(source.BaseAddress, _directory, "import", file, "--dialect", "paddle");
        using (CustomerAddressesClient client = TestClients.Create(source.BaseAddress, o => o.Dialect = ApiDialect.PaddleBilling))
        {
            await foreach (Customer customer in client.Customers.ListAsync(new ListCustomersOptions { PerPage = 5 }).Take(5))
            {
                await client.Businesses.CreateAsync(customer.Id, new CreateBusinessRequest { Name = $"{customer.Name} Ltd", TaxIdentifier = "GB123", Contacts = [new BusinessContact { Name = "Accounts, \"North\"", Email = "accounts@example.com" }] });
                source.SavePaymentMethod(customer.Id.Value);
            }
        }

        string exported = Path.Combine(_directory, "export.csv");

        (int exportCode, string exportOutput, string exportError) = await tool.RunAsync(source.BaseAddress, _directory, "export", "--out", exported, "--dialect", "paddle", "--include-payment-methods");
        (int importCode, string importOutput, _) = await tool.RunAsync(target.BaseAddress, _directory, "import", exported, "--dialect", "paddle", "--journal", Path.Combine(_directory, "target.journal"));

        Assert.True(exportCode == 0, exportOutput + exportError);
        Assert.StartsWith("email,name,locale,country_code,description,first_line,second_line,city,postal_code,region,business_name,company_number,tax_identifier,business_contacts,customer_id,address_id,business_id,status,payment_method_id,", File.ReadLines(exported).First(), StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Miller", File.ReadAllText(exported), StringComparison.Ordinal); // the emulator's cardholder
        Assert.Equal(0, importCode);
        Assert.Contains("customers: 20 created", importOutput, StringComparison.Ordinal);
        Assert.Contains("businesses: 5 created, 0 found", importOutput, StringComparison.Ordinal);
        await AssertServerHolds(target);
        using CustomerAddressesClient sourceClient = TestClients.Create(source.BaseAddress, o => o.Dialect = ApiDialect.PaddleBilling);
        using CustomerAddressesClient targetClient = TestClients.Create(target.BaseAddress, o => o.Dialect = ApiDialect.PaddleBilling);
        string[] businesses = await CustomerGraph.LinesAsync(sourceClient);
        Assert.Equal(5, businesses.Count(l => l.Contains(" business ", StringComparison.Ordinal)));
        Assert.Equal(businesses, await CustomerGraph.LinesAsync(targetClient));
    }

    [Fact]
    public async Task A_rejected_rows_values_cannot_forge_a_line_of_the_tools_output()
    {
        string file = Path.Combine(_directory, "forged.csv");
        File.WriteAllText(file, "email,name,country_code,city\nann@example.com,Ann,\"Z\nline 99: imported\",York\n");

        (int exitCode, string output, string error) = await tool.RunAsync(new Uri("http://127.0.0.1:9/"), _directory, "import", file, "--dialect", "paddle", "--dry-run");

        Assert.True(exitCode == 1, $"exit {exitCode}\n{output}\n{error}");
        string[] lines = error.TrimEnd('\n').Split('\n');
        string rejected = Assert.Single(lines);
        Assert.StartsWith("line 2: ", rejected, StringComparison.Ordinal);
        Assert.Contains(@"Z\nline 99: imported", rejected, StringComparison.Ordinal);
        Assert.DoesNotContain(output.Split('\n'), l => l.StartsWith("line 99", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_installed_tool_has_help_completion_a_dialect_from_the_environment_and_reports_a_dead_server_fast()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        string file = Path.Combine(_directory, "rows.csv");
        File.WriteAllText(file, "email,name,country_code,city\nann@example.com,Ann,GB,York\nbo@example.com,Bo,DE,Berlin\n");
        var dead = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        dead.Start();
        var deadAddress = new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)dead.LocalEndpoint).Port}/");
        dead.Stop();

        (int helpCode, string help, _) = await tool.RunAsync(emulator.BaseAddress, _directory, "import", "--help");
        (int completionCode, string completion, _) = await tool.RunAsync(emulator.BaseAddress, _directory, "completion", "bash");
        (int importCode, string import, string importError) = await tool.RunAsync(new Dictionary<string, string> { ["CUSTOMERADDRESSES_DIALECT"] = "paddle" }, emulator.BaseAddress, _directory, "import", file);
        using Process get = tool.Start(deadAddress, _directory, "customers", "get", "ctm_01h8441jn5pcwrfhwh78jqt8hk");
        Task<string> output = get.StandardOutput.ReadToEndAsync();
        string firstLine = await get.StandardError.ReadLineAsync() ?? string.Empty; // said as the first retry starts, before its wait
        await get.WaitForExitAsync();

        Assert.Equal(0, helpCode);
        Assert.Contains("Usage:\n  customeraddresses import <FILE> [options]", help, StringComparison.Ordinal);
        Assert.Equal(0, completionCode);
        Assert.Contains("complete -o default -F _customeraddresses_complete customeraddresses", completion, StringComparison.Ordinal);
        Assert.True(importCode == 0, import + importError);
        Assert.Equal(2, emulator.CustomerCount);
        Assert.Matches(@"^customeraddresses: retrying \(1/2\) in [0-9.]+ s: connection refused$", firstLine);
        Assert.Equal(3, get.ExitCode);
        Assert.Equal(string.Empty, await output);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("import", "missing.csv")]
    [InlineData("import", "x.csv", "--concurrency", "0")]
    [InlineData("export", "--format", "xml")]
    [InlineData("customers", "frobnicate")]
    [InlineData("launch")]
    [InlineData("customers", "list", "--rate-limit-redis", "127.0.0.1:1")]
    [InlineData("customers", "list", "--requests-per-minute", "60", "--rate-limit-redis", "127.0.0.1:1", "--rate-limit-instances", "0")]
    public async Task Bad_usage_is_one_line_and_exit_code_2(params string[] args)
    {
        File.WriteAllText(Path.Combine(_directory, "x.csv"), "email\n");
        (int exitCode, _, string error) = await tool.RunAsync(new Uri("http://127.0.0.1:9/"), _directory, args);

        Assert.Equal(2, exitCode);
        Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("customeraddresses: ", error, StringComparison.Ordinal);
    }

    /// <summary>Each email of a good row is one customer, whose active addresses are its rows' distinct addresses, each once.</summary>
    private async Task AssertServerHolds(CustomerAddressesEmulator emulator)
    {
        using CustomerAddressesClient client = TestClients.Create(emulator.BaseAddress, o => o.Dialect = ApiDialect.PaddleBilling);
        List<Customer> all = await client.Customers.ListAsync(new ListCustomersOptions { PerPage = 200 }).ToListAsync();
        Assert.Equal(_expected.Keys.Order(StringComparer.Ordinal), all.Select(c => c.Email!).Order(StringComparer.Ordinal));
        foreach (Customer customer in all)
        {
            List<Address> addresses = await client.Addresses.ListAsync(customer.Id).ToListAsync();
            Assert.Equal(_expected[customer.Email!].Order(StringComparer.Ordinal), addresses.Select(a => a.Description!).Order(StringComparer.Ordinal));
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
