using System.Reflection;

namespace CustomerAddresses.Cli.Tests;

/// <summary>Help on every command, the version, typo corrections and response files, as System.CommandLine gives them.</summary>
public sealed class HelpTests : IDisposable
{
    private readonly ToolHarness _tool = new();

    public static TheoryData<string> Commands => ["import", "export", "mirror", "customers list", "customers get", "addresses list", "addresses get", "profile set", "profile list", "profile remove", "completion"];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_has_help_with_its_options_the_environment_and_the_exit_codes(string command)
    {
        (int code, string output, string error) = await _tool.RunAsync([.. command.Split(' '), "--help"]);
        (int helpCode, string helpOutput, _) = await _tool.RunAsync(["help", .. command.Split(' ')]);

        Assert.Equal((0, string.Empty), (code, error));
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains($" {command}", output, StringComparison.Ordinal);
        Assert.Contains("CUSTOMERADDRESSES_DIALECT", output, StringComparison.Ordinal);
        Assert.Contains("4  authentication: no key, or the server refused it (401/403)", output, StringComparison.Ordinal);
        Assert.Equal((0, output), (helpCode, helpOutput));
    }

    [Fact]
    public async Task Import_help_works_without_a_file_and_version_prints_the_tools_version()
    {
        (int code, string output, _) = await _tool.RunAsync("import", "--help");
        (int versionCode, string version, _) = await _tool.RunAsync("--version");

        Assert.Equal(0, code);
        Assert.Contains("--delimiter", output, StringComparison.Ordinal);
        Assert.Equal(0, versionCode);
        string expected = typeof(Tool).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(expected, version.Trim());
    }

    [Theory]
    [InlineData(new[] { "custmers", "list" }, "did you mean 'customers'?")]
    [InlineData(new[] { "import", "x.csv", "--dry-rn" }, "did you mean '--dry-run'?")]
    [InlineData(new[] { "launch" }, "'launch' is not a command or option of 'customeraddresses'")]
    [InlineData(new[] { "help", "frobnicate" }, "no command 'frobnicate'")]
    [InlineData(new[] { "customers", "list", "--output", "xml" }, "xml")]
    [InlineData(new[] { "customers", "list", "--limit", "0" }, "--limit takes a whole number from 1 up")]
    [InlineData(new[] { "import" }, "'import'")]
    public async Task A_mistake_is_one_line_with_a_suggestion_and_exit_code_2(string[] args, string expected)
    {
        (int code, string output, string error) = await _tool.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        string line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("customeraddresses: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_command_shows_the_help_and_exits_with_2()
    {
        (int code, string output, _) = await _tool.RunAsync();

        Assert.Equal(2, code);
        Assert.Contains("Commands:", output, StringComparison.Ordinal);
        Assert.Contains("completion", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_file_holds_arguments()
    {
        string file = _tool.File("args.rsp", "completion\nbash\n");

        (int code, string output, _) = await _tool.RunAsync($"@{file}");

        Assert.Equal(0, code);
        Assert.Contains("complete -o default -F _customeraddresses_complete customeraddresses", output, StringComparison.Ordinal);
    }

    public void Dispose() => _tool.Dispose();
}
