using CustomerAddresses.Client;
using CustomerAddresses.Client.Testing;

namespace CustomerAddresses.Cli.Tests;

/// <summary><c>customeraddresses mirror</c>: one database named, Paddle only, a summary, a second run that catches up, and a connection string never shown.</summary>
public sealed class MirrorCommandTests : IAsyncLifetime, IDisposable
{
    private readonly ToolHarness _tool = new();
    private CustomerAddressesEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { ApiKey = ToolHarness.Key });
        _tool.At(_emulator.BaseAddress);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _tool.Dispose();

    [Fact]
    public async Task A_backfill_then_a_second_run_applies_only_what_changed()
    {
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = _emulator.BaseAddress, Dialect = ApiDialect.PaddleBilling, ApiKey = ToolHarness.Key });
        Customer ann = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "ann@example.com", Name = "Ann" });
        await client.Businesses.CreateAsync(ann.Id, new CreateBusinessRequest { Name = "Ann Ltd" });
        string database = Path.Combine(_tool.Directory, "customers.db");

        (int first, string firstOutput, _) = await _tool.RunAsync("mirror", "--sqlite", database);
        await client.Customers.UpdateAsync(ann.Id, new UpdateCustomerRequest { Name = "Ann Lee" });
        await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "bo@example.com" });
        (int second, string secondOutput, _) = await _tool.RunAsync("mirror", "--sqlite", database, "--quiet");

        Assert.Equal((0, 0), (first, second));
        Assert.Contains("backfill: 1 customers", firstOutput, StringComparison.Ordinal);
        Assert.Contains("rows written: 2", firstOutput, StringComparison.Ordinal); // the customer and its business
        Assert.Contains("backfill: 0 customers", secondOutput, StringComparison.Ordinal);
        Assert.Contains("events: 2 applied", secondOutput, StringComparison.Ordinal); // the rename and the new customer
    }

    [Theory]
    [InlineData(new string[0], "name one database")]
    [InlineData(new[] { "--sqlite", "a.db", "--postgres", "Host=127.0.0.1" }, "name one database")]
    [InlineData(new[] { "--sqlite", "a.db", "--poll-interval", "0" }, "--poll-interval takes seconds")]
    public async Task Usage_mistakes_are_one_line_and_exit_code_2(string[] args, string expected)
    {
        (int code, _, string error) = await _tool.RunAsync(["mirror", .. args]);

        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task The_api_v1_dialect_has_nothing_to_mirror_and_says_so_before_any_request()
    {
        (int code, _, string error) = await _tool.At(_emulator.ApiV1BaseAddress, "apiv1").RunAsync("mirror", "--sqlite", Path.Combine(_tool.Directory, "v1.db"));

        Assert.Equal(2, code);
        Assert.Contains("/api/v1 has no events, businesses or saved payment methods", error, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.Statistics.Requests);
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_is_exit_code_3_and_its_password_is_never_shown()
    {
        _tool.Environment["CUSTOMERADDRESSES_MIRROR_POSTGRES"] = "Host=127.0.0.1;Port=9;Username=mirror;Password=Sup3rSecretPw;Timeout=2";

        (int code, string output, string error) = await _tool.RunAsync("mirror", "--verbose");

        Assert.Equal(3, code);
        Assert.Contains("the mirror's database:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Sup3rSecretPw", output + error, StringComparison.Ordinal);
    }
}
