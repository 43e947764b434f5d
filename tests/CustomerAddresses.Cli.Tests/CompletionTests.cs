using System.Diagnostics;

namespace CustomerAddresses.Cli.Tests;

/// <summary>Shell completion: System.CommandLine's <c>[suggest]</c> directive, and the scripts that ask it from bash, zsh and PowerShell.</summary>
public sealed class CompletionTests : IDisposable
{
    private readonly ToolHarness _tool = new();

    [Theory]
    [InlineData("customeraddresses cust", "customers")]
    [InlineData("customeraddresses import rows.csv --d", "--delimiter\n--dialect\n--dry-run")]
    [InlineData("customeraddresses customers list -o ", "csv\njson\ntable")]
    [InlineData("customeraddresses completion z", "zsh")]
    public async Task The_tool_completes_commands_options_and_their_values(string line, string expected)
    {
        (int code, string output, _) = await _tool.RunAsync($"[suggest:{line.Length}]", line);

        Assert.Equal(0, code);
        Assert.Equal(expected, output.Trim().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _customeraddresses_complete customeraddresses")]
    [InlineData("zsh", "compctl -K _customeraddresses_complete customeraddresses")]
    [InlineData("powershell", "Register-ArgumentCompleter -Native -CommandName customeraddresses")]
    public async Task Each_shell_gets_a_script_that_asks_the_tool(string shell, string expected)
    {
        (int code, string output, _) = await _tool.RunAsync("completion", shell);

        Assert.Equal(0, code);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.Contains("[suggest:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bash_script_completes_from_the_built_tool()
    {
        string tool = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "customeraddresses.exe" : "customeraddresses");
        Assert.True(File.Exists(tool), $"the tool's executable is built beside the tests: {tool}");
        (_, string script, _) = await _tool.RunAsync("completion", "bash");
        string file = _tool.File("completion.bash", script);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"source '{file}'; COMP_LINE='customeraddresses addr'; COMP_POINT=22; COMP_WORDS=(customeraddresses addr); COMP_CWORD=1; _customeraddresses_complete; printf '%s\\n' \"${{COMPREPLY[@]}}\"");
        start.Environment["PATH"] = AppContext.BaseDirectory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");

        using Process bash = Process.Start(start)!;
        string output = await bash.StandardOutput.ReadToEndAsync();
        await bash.WaitForExitAsync();

        Assert.Equal("addresses", output.Trim());
    }

    public void Dispose() => _tool.Dispose();
}
