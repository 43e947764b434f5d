using System.Diagnostics;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>
/// The command-line tool as a user gets it: packed from the repository into a package of its own version, installed with
/// <c>dotnet tool install --tool-path</c>, and run as a process. Made once for the tests that share it.
/// </summary>
public sealed class PackedCliTool : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"customeraddresses-cli-{Guid.NewGuid():N}");

    /// <summary>The installed command.</summary>
    public string Command => Path.Combine(_root, "tools", OperatingSystem.IsWindows() ? "customeraddresses.exe" : "customeraddresses");

    public async Task InitializeAsync()
    {
        string packages = Path.Combine(_root, "packages");
        string version = $"1.2.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        await Run("dotnet", "pack", Path.Combine(Repository.Root, "src", "CustomerAddresses.Cli", "CustomerAddresses.Cli.csproj"), "-c", "Release", "-o", packages, $"-p:Version={version}", "-nologo", "-v", "quiet");
        await Run("dotnet", "tool", "install", "CustomerAddresses.Cli", "--version", version, "--add-source", packages, "--tool-path", Path.Combine(_root, "tools"));
    }

    private static async Task Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} failed:\n{await output}\n{await error}");
    }

    /// <summary>Starts the tool with the given arguments, pointed at <paramref name="baseAddress"/> through the environment, as a user would.</summary>
    public Process Start(Uri baseAddress, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Command) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.Environment["CUSTOMERADDRESSES_BASE_URL"] = baseAddress.ToString();
        start.Environment["CUSTOMERADDRESSES_API_KEY"] = "pdl_sdbx_apikey_e2e_secret";
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs the tool to its end.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(Uri baseAddress, string workingDirectory, params string[] args)
    {
        using Process process = Start(baseAddress, workingDirectory, args);
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>The tests of the packed tool: they share one pack and install, and run one at a time.</summary>
[CollectionDefinition(nameof(PackedCliTool))]
public sealed class PackedCliToolCollection : ICollectionFixture<PackedCliTool>;
