using System.Net;
using System.Net.Sockets;
using CustomerAddresses.Client;
using CustomerAddresses.Client.Testing;

namespace CustomerAddresses.Cli.Tests;

/// <summary>The connection: environment, profiles, the key, and exit codes that say what happened, fast.</summary>
public sealed class ConnectionTests : IAsyncLifetime, IDisposable
{
    private readonly ToolHarness _tool = new();
    private CustomerAddressesEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { ApiKey = ToolHarness.Key });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private async Task<Customer> SeedAsync(string email = "ann@example.com", string name = "Ann")
    {
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = _emulator.BaseAddress, Dialect = ApiDialect.PaddleBilling, ApiKey = ToolHarness.Key });
        return await client.Customers.CreateAsync(new CreateCustomerRequest { Email = email, Name = name });
    }

    [Fact]
    public async Task The_dialect_comes_from_the_environment_and_a_wrong_one_is_bad_usage()
    {
        string file = _tool.File("rows.csv", "email,name,country_code,city\nann@example.com,Ann,GB,York\nbo@example.com,Bo,DE,Berlin\n");
        _tool.At(_emulator.BaseAddress, dialect: null);
        _tool.Environment["CUSTOMERADDRESSES_DIALECT"] = "paddle";

        (int code, string output, string error) = await _tool.RunAsync("import", file);
        _tool.Environment["CUSTOMERADDRESSES_DIALECT"] = "padle";
        (int wrong, _, string wrongError) = await _tool.RunAsync("customers", "list");

        Assert.True(code == 0, output + error);
        Assert.Contains("customers: 2 created", output, StringComparison.Ordinal);
        Assert.Equal(2, _emulator.CustomerCount);
        Assert.Equal(2, wrong);
        Assert.Contains("CUSTOMERADDRESSES_DIALECT) takes paddle or apiv1, not 'padle'", wrongError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_key_is_said_before_any_request_with_exit_code_4()
    {
        _tool.At(_emulator.BaseAddress);
        _tool.Environment.Remove("CUSTOMERADDRESSES_API_KEY");

        (int code, string output, string error) = await _tool.RunAsync("customers", "list");

        Assert.Equal(4, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("customeraddresses: no API key: pass --api-key KEY, set CUSTOMERADDRESSES_API_KEY", error, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.Statistics.Requests);
    }

    [Fact]
    public async Task A_wrong_key_exits_with_4_a_missing_resource_with_1_and_neither_is_run_it_again()
    {
        _tool.At(_emulator.BaseAddress);
        (int missing, _, string missingError) = await _tool.RunAsync("customers", "get", "ctm_01h8441jn5pcwrfhwh78jqt8hk");
        _tool.Environment["CUSTOMERADDRESSES_API_KEY"] = "pdl_sdbx_apikey_01wrongwrongwrongwrong_WRONGWRONGWRONGWRON";
        (int refused, _, string refusedError) = await _tool.RunAsync("customers", "list");

        Assert.Equal(1, missing);
        Assert.DoesNotContain("run it again", missingError, StringComparison.Ordinal);
        Assert.Equal(4, refused);
        Assert.Contains("check the key", refusedError, StringComparison.Ordinal);
        Assert.DoesNotContain("WRONGWRONG", refusedError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dead_server_is_reported_with_each_retry_as_it_starts_and_exit_code_3()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now: connections are refused
        _tool.At(new Uri($"http://127.0.0.1:{port}/"));

        (int code, string output, string error) = await _tool.RunAsync("customers", "get", "ctm_01h8441jn5pcwrfhwh78jqt8hk");

        Assert.Equal(3, code);
        Assert.Equal(string.Empty, output);
        string[] lines = error.TrimEnd('\n').Split('\n');
        Assert.Equal(Connection.InteractiveRetries + 1, lines.Length);
        Assert.Matches(@"^customeraddresses: retrying \(1/2\) in [0-9.]+ s: connection refused$", lines[0]);
        Assert.Matches(@"^customeraddresses: retrying \(2/2\) in [0-9.]+ s: connection refused$", lines[1]);
        Assert.Equal("customeraddresses: cannot reach the server: connection refused (run it again)", lines[2]);
    }

    [Fact]
    public async Task A_profile_connects_is_0600_never_shows_its_key_and_gives_way_to_the_environment_and_options()
    {
        await SeedAsync();
        (int set, string setOutput, _) = await _tool.RunAsync("profile", "set", "work", "--base-url", _emulator.BaseAddress.ToString(), "--dialect", "paddle", "--api-key", ToolHarness.Key);
        (int list, string listed, _) = await _tool.RunAsync("profile", "list");

        (int used, string output, string error) = await _tool.RunAsync("customers", "list", "--profile", "work", "--output", "json");
        _tool.Environment["CUSTOMERADDRESSES_PROFILE"] = "work";
        (int byVariable, string variableOutput, _) = await _tool.RunAsync("customers", "list", "-o", "json");
        (int overridden, _, string overriddenError) = await _tool.RunAsync("customers", "list", "--api-key", "pdl_sdbx_apikey_01otherotherotherother_OTHEROTHEROTHEROTHE");
        (int unknown, _, string unknownError) = await _tool.RunAsync("customers", "list", "--profile", "home");

        Assert.Equal((0, 0), (set, list));
        string config = Path.Combine(_tool.ConfigDirectory, "config.json");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(config));
        }

        Assert.Contains(ToolHarness.Key, File.ReadAllText(config), StringComparison.Ordinal);
        Assert.DoesNotContain(ToolHarness.Key, setOutput + listed, StringComparison.Ordinal);
        Assert.Contains("work\tbase URL", listed, StringComparison.Ordinal);
        Assert.Contains("key set", listed, StringComparison.Ordinal);
        Assert.True(used == 0, error);
        Assert.Contains("\"email\":\"ann@example.com\"", output, StringComparison.Ordinal);
        Assert.Equal((0, output), (byVariable, variableOutput));
        Assert.Equal(4, overridden); // the option's key wins over the profile's, and the server refuses it
        Assert.DoesNotContain("OTHEROTHER", overriddenError, StringComparison.Ordinal);
        Assert.Equal(2, unknown);
        Assert.Contains("no profile 'home'", unknownError, StringComparison.Ordinal);

        (int removed, _, _) = await _tool.RunAsync("profile", "remove", "work");
        (int again, _, string againError) = await _tool.RunAsync("profile", "remove", "work");
        (_, string emptyList, _) = await _tool.RunAsync("profile", "list");
        Assert.Equal((0, 2, string.Empty), (removed, again, emptyList));
        Assert.Contains("no profile 'work'", againError, StringComparison.Ordinal);
        Assert.DoesNotContain(ToolHarness.Key, File.ReadAllText(config), StringComparison.Ordinal); // the key went with its profile
    }

    [Fact]
    public async Task Verbose_logs_each_call_without_the_key_and_quiet_prints_only_the_summary()
    {
        await SeedAsync();
        _tool.At(_emulator.BaseAddress);
        string file = _tool.File("rows.csv", "email,name,country_code\nann@example.com,Ann,GB\n,NoEmail,GB\n");

        (int verbose, string output, string error) = await _tool.RunAsync("customers", "list", "--verbose");
        (int quiet, string quietOutput, string quietError) = await _tool.RunAsync("import", file, "--quiet");
        (int normal, _, string normalError) = await _tool.RunAsync("import", file, "--journal", Path.Combine(_tool.Directory, "other.journal"));

        Assert.Equal(0, verbose);
        Assert.Matches(@"customeraddresses: GET customers answered 200 in [0-9.]+ ms after 1 attempt\(s\) \(request id [^)]*", error);
        Assert.DoesNotContain(ToolHarness.Key, output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("pdl_sdbx", error, StringComparison.Ordinal);
        Assert.Equal((1, string.Empty), (quiet, quietError));
        Assert.StartsWith("Imported 1 of 2 rows", quietOutput, StringComparison.Ordinal);
        Assert.Matches(@"requests: [0-9]+ this run \(0 retries\), 429s received: 0", quietOutput);
        Assert.Equal(1, normal);
        Assert.Contains("line 3: ", normalError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_defect_is_one_line_and_exit_code_1_never_a_stack_trace()
    {
        _tool.At(_emulator.BaseAddress);
        _tool.ClientFactory = _ => throw new InvalidOperationException("the factory broke\n   at Somewhere.Deep()");

        (int code, string output, string error) = await _tool.RunAsync("customers", "list");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal("customeraddresses: unexpected InvalidOperationException: the factory broke\\n   at Somewhere.Deep() (a defect of the tool: please report it)\n", error);
    }

    public void Dispose() => _tool.Dispose();
}
