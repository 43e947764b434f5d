using System.Text.Json;
using CustomerAddresses.Client;
using CustomerAddresses.Client.Testing;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Cli.Tests;

/// <summary>
/// Businesses and saved payment methods in the tool's files: business columns imported (contacts as a JSON array in a
/// cell, or an array in NDJSON), exported beside addresses, payment methods exported only when asked and without the
/// cardholder's name or the PayPal account; an export imports into an empty server identically, in CSV and in NDJSON.
/// </summary>
public sealed class BusinessFileTests : IAsyncLifetime, IDisposable
{
    private readonly ToolHarness _tool = new();
    private CustomerAddressesEmulator _source = null!;
    private CustomerAddressesEmulator _target = null!;

    private const string Input = """
        email,name,locale,country_code,city,business_name,company_number,tax_identifier,business_contacts
        ann@example.com,Ann Lee,en,US,New York,"ChatApp, Inc.",555775291485,555952383,"[{""name"":""Parker Jones"",""email"":""parker@example.com""},{""email"":""jo@example.com""}]"
        ann@example.com,,,,,=Formula Ltd,,,
        bo@example.com,Bo,,GB,York,,,,
        cy@example.com,Cy,,,,Globex,,,"[{""email"":""cy@example.com"",""phone"":""555""}]"
        dee@example.com,Dee,,,,,,,not json

        """;

    public async Task InitializeAsync()
    {
        _source = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { ApiKey = ToolHarness.Key });
        _target = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { ApiKey = ToolHarness.Key });
    }

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        await _target.DisposeAsync();
    }

    private static CustomerAddressesClient Client(CustomerAddressesEmulator emulator) =>
        new(new CustomerAddressesClientOptions { BaseAddress = emulator.BaseAddress, Dialect = ApiDialect.PaddleBilling, ApiKey = ToolHarness.Key });

    private static async Task<string[]> Graph(CustomerAddressesEmulator emulator)
    {
        using CustomerAddressesClient client = Client(emulator);
        return await CustomerGraph.LinesAsync(client);
    }

    [Fact]
    public async Task Business_columns_import_bad_contacts_are_rejected_and_an_export_imports_into_an_empty_server_identically()
    {
        string input = _tool.File("customers.csv", Input.Replace("\r\n", "\n", StringComparison.Ordinal));
        (int imported, string importOut, string importError) = await _tool.At(_source.BaseAddress).RunAsync("import", input);
        string exported = Path.Combine(_tool.Directory, "export.csv");
        (int exportCode, _, string exportError) = await _tool.RunAsync("export", "--out", exported);
        (int again, string againOut, _) = await _tool.At(_target.BaseAddress).RunAsync("import", exported);

        Assert.Equal(1, imported);
        Assert.Contains("businesses: 2 created, 0 found", importOut, StringComparison.Ordinal);
        Assert.Contains("line 5: business_contacts must be a JSON array of objects with an \"email\" and optionally a \"name\"", importError, StringComparison.Ordinal);
        Assert.Contains("'phone' is not one of them", importError, StringComparison.Ordinal);
        Assert.Contains("line 6: business_contacts must be a JSON array", importError, StringComparison.Ordinal);
        string[] rejects = File.ReadAllLines(Path.Combine(_tool.Directory, "customers.rejects.csv"));
        Assert.Equal(3, rejects.Length); // the header and lines 5 and 6, as the input has them
        Assert.Equal((0, 0), (exportCode, again));
        Assert.Equal(
            "email,name,locale,country_code,description,first_line,second_line,city,postal_code,region,business_name,company_number,tax_identifier,business_contacts,customer_id,address_id,business_id,status",
            File.ReadLines(exported).First());
        Assert.Contains("'=Formula Ltd", File.ReadAllText(exported), StringComparison.Ordinal); // neutralized, and imported back as it was
        Assert.StartsWith("Exported 4 records", exportError, StringComparison.Ordinal); // Ann's address and 2 businesses, Bo's address
        Assert.Contains("businesses: 2 created", againOut, StringComparison.Ordinal);
        string[] source = await Graph(_source);
        Assert.Contains("ann@example.com business ChatApp, Inc. | 555775291485 | 555952383 | Parker Jones <parker@example.com>; (no name) <jo@example.com> | active", source);
        Assert.Contains("ann@example.com business =Formula Ltd |  |  |  | active", source);
        Assert.Equal(source, await Graph(_target));
    }

    [Fact]
    public async Task Ndjson_carries_contacts_as_an_array_and_imports_into_an_empty_server_identically()
    {
        await _tool.At(_source.BaseAddress).RunAsync("import", _tool.File("customers.csv", Input.Replace("\r\n", "\n", StringComparison.Ordinal)));
        string exported = Path.Combine(_tool.Directory, "export.ndjson");
        await _tool.RunAsync("export", "--out", exported);
        (int again, _, string error) = await _tool.At(_target.BaseAddress).RunAsync("import", exported);

        Assert.True(again == 0, error);
        JsonElement business = File.ReadLines(exported).Select(l => JsonDocument.Parse(l).RootElement).Single(r => r.GetProperty("business_name").GetString() == "ChatApp, Inc.");
        Assert.Equal(JsonValueKind.Array, business.GetProperty("business_contacts").ValueKind);
        Assert.Equal("parker@example.com", business.GetProperty("business_contacts")[0].GetProperty("email").GetString());
        Assert.StartsWith("biz_", business.GetProperty("business_id").GetString(), StringComparison.Ordinal);
        Assert.Equal(await Graph(_source), await Graph(_target));
    }

    [Fact]
    public async Task Payment_methods_are_exported_only_when_asked_and_never_with_the_holder_or_the_paypal_account()
    {
        using CustomerAddressesClient client = Client(_source);
        Customer ann = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "ann@example.com" });
        Address home = await client.Addresses.CreateAsync(ann.Id, new CreateAddressRequest { Country = CountryCode.Parse("US") });
        string card = _source.SavePaymentMethod(ann.Id.Value, home.Id.Value);
        string paypal = _source.SavePaymentMethod(ann.Id.Value, home.Id.Value, "paypal");
        _tool.At(_source.BaseAddress);

        (int plainCode, string plain, _) = await _tool.RunAsync("export", "--format", "csv");
        (int code, string csv, _) = await _tool.RunAsync("export", "--format", "csv", "--include-payment-methods");
        (_, string ndjson, _) = await _tool.RunAsync("export", "--include-payment-methods");

        Assert.Equal((0, 0), (plainCode, code));
        Assert.DoesNotContain("payment_method", plain, StringComparison.Ordinal);
        Assert.Single(plain.TrimEnd('\n').Split('\n').Skip(1));
        string[] lines = csv.TrimEnd('\n').Split('\n');
        Assert.EndsWith(",status,payment_method_id,payment_method_type,card_type,card_last4,card_expiry_month,card_expiry_year,payment_method_origin,saved_at", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length - 1);
        Assert.Contains(lines, l => l.Contains($",{home.Id},,active,{card},card,visa,4242,5,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($",{home.Id},,active,{paypal},paypal,,,,,", StringComparison.Ordinal));
        foreach (string output in (string[])[csv, ndjson])
        {
            Assert.DoesNotContain("Sam Miller", output, StringComparison.Ordinal);
            Assert.DoesNotContain("sam@example.com", output, StringComparison.Ordinal);
            Assert.DoesNotContain("cardholder", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Payment_methods_of_a_server_without_them_are_bad_usage_before_any_request()
    {
        (int code, string output, string error) = await _tool.At(_source.ApiV1BaseAddress, "apiv1").RunAsync("export", "--include-payment-methods");

        Assert.Equal(2, code);
        Assert.Equal("customeraddresses: --include-payment-methods: /api/v1 has no saved payment methods (Paddle Billing has) (--help for usage)\n", error);
        Assert.Empty(output);
        Assert.Equal(0, _source.Statistics.Requests);
    }

    public void Dispose() => _tool.Dispose();
}
