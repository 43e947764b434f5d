using System.Text.Json;
using CustomerAddresses.Client;
using CustomerAddresses.Client.Testing;

namespace CustomerAddresses.Cli.Tests;

/// <summary>What the listings print: tables that never wrap an id, plain lines when piped, JSON and CSV, <c>--limit</c>.</summary>
public sealed class OutputTests : IAsyncLifetime, IDisposable
{
    private readonly ToolHarness _tool = new();
    private CustomerAddressesEmulator _emulator = null!;
    private Customer _customer = null!;
    private Address _address = null!;

    public async Task InitializeAsync()
    {
        _emulator = await CustomerAddressesEmulator.StartAsync();
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = _emulator.BaseAddress, Dialect = ApiDialect.PaddleBilling });
        for (int i = 0; i < 3; i++)
        {
            await client.Customers.CreateAsync(new CreateCustomerRequest { Email = $"c{i}@example.com", Name = $"Customer number {i} with a rather long name" });
        }

        _customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "jurgen@example.com", Name = "Jürgen Müller" });
        _address = await client.Addresses.CreateAsync(_customer.Id, new CreateAddressRequest
        {
            Country = CountryCode.Parse("DE"),
            Description = "Büro\tzwei",
            FirstLine = "Königstraße 1",
            SecondLine = "Hinterhaus, 3. OG",
            City = "Stuttgart",
            PostalCode = "70173",
        });
        _tool.At(_emulator.BaseAddress);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task A_table_on_an_80_column_terminal_never_wraps_an_id()
    {
        _tool.Terminal = true;

        (int code, string output, _) = await _tool.RunAsync("customers", "list");
        (int addressCode, string addresses, _) = await _tool.RunAsync("addresses", "list", _customer.Id.Value);

        Assert.Equal((0, 0), (code, addressCode));
        Assert.Contains("─", output, StringComparison.Ordinal);
        Assert.All(output.Split('\n'), line => Assert.True(line.Length <= 80, line));
        Assert.Contains(_customer.Id.Value, output, StringComparison.Ordinal); // whole, on one line
        Assert.Contains(_address.Id.Value, addresses, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Piped_output_is_plain_tab_separated_lines_without_box_drawing()
    {
        (int code, string output, _) = await _tool.RunAsync("customers", "list");
        (_, string addresses, _) = await _tool.RunAsync("addresses", "list", _customer.Id.Value);

        Assert.Equal(0, code);
        Assert.DoesNotContain("─", output, StringComparison.Ordinal);
        string[] lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.All(lines, line => Assert.Equal(6, line.Split('\t').Length));
        Assert.Contains(lines, line => line.StartsWith($"{_customer.Id.Value}\tjurgen@example.com\tJürgen Müller\t", StringComparison.Ordinal));
        Assert.Equal($"{_address.Id.Value}\tDE\tBüro\\tzwei\tKönigstraße 1\tHinterhaus, 3. OG\tStuttgart\t70173\t\tactive", addresses.TrimEnd('\n'));
    }

    [Fact]
    public async Task Json_is_utf8_without_needless_escapes_and_has_every_member_returned()
    {
        (int code, string output, _) = await _tool.RunAsync("customers", "get", _customer.Id.Value, "--output", "json");
        (int addressCode, string address, _) = await _tool.RunAsync("addresses", "get", _customer.Id.Value, _address.Id.Value, "-o", "json");

        Assert.Equal((0, 0), (code, addressCode));
        Assert.Contains("\"name\":\"Jürgen Müller\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", output + address, StringComparison.Ordinal);
        using JsonDocument customer = JsonDocument.Parse(output);
        Assert.Equal(
            ["id", "name", "email", "status", "locale", "marketing_consent", "created_at", "updated_at"],
            customer.RootElement.EnumerateObject().Select(p => p.Name).Where(n => n != "custom_data" && n != "import_meta"));
        using JsonDocument parsed = JsonDocument.Parse(address);
        Assert.Equal("Hinterhaus, 3. OG", parsed.RootElement.GetProperty("second_line").GetString());
        Assert.Equal("Büro\tzwei", parsed.RootElement.GetProperty("description").GetString());
        Assert.Equal(_customer.Id.Value, parsed.RootElement.GetProperty("customer_id").GetString());
        Assert.Equal("DE", parsed.RootElement.GetProperty("country_code").GetString());
    }

    [Fact]
    public async Task Limit_stops_a_listing_and_csv_has_a_header()
    {
        (int code, string output, _) = await _tool.RunAsync("customers", "list", "--limit", "2", "--output", "json");
        (int csvCode, string csv, _) = await _tool.RunAsync("customers", "list", "-L", "1", "-o", "csv");

        Assert.Equal((0, 0), (code, csvCode));
        Assert.Equal(2, output.TrimEnd('\n').Split('\n').Length);
        string[] lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("id,email,name,locale,status,created_at", lines[0]);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public async Task Export_writes_to_standard_output_and_its_summary_to_standard_error()
    {
        (int code, string output, string error) = await _tool.RunAsync("export", "--format", "csv");
        (int ndjsonCode, string ndjson, _) = await _tool.RunAsync("export");

        Assert.Equal((0, 0), (code, ndjsonCode));
        Assert.Equal(4, ndjson.TrimEnd('\n').Split('\n').Length);
        Assert.Contains("\"name\":\"Jürgen Müller\"", ndjson, StringComparison.Ordinal);
        Assert.StartsWith("email,name,locale,country_code,description,first_line,second_line,city,postal_code,region,business_name,company_number,tax_identifier,business_contacts,customer_id,address_id,business_id,status\n", output, StringComparison.Ordinal);
        Assert.Contains("jurgen@example.com,Jürgen Müller,", output, StringComparison.Ordinal);
        Assert.StartsWith("Exported 4 records", error, StringComparison.Ordinal);
    }

    public void Dispose() => _tool.Dispose();
}
