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
        string project = Path.Combine(Repository.Root, "src", "CustomerAddresses.Cli", "CustomerAddresses.Cli.csproj");

        // As it ships: the package that points at the others, the framework-dependent one, and on linux-x64 the
        // NativeAOT one that a user there installs (so these tests run the native tool).
        await Run("dotnet", "pack", project, "-c", "Release", "-o", packages, $"-p:Version={version}", "-nologo", "-v", "quiet");
        await Run("dotnet", "pack", project, "-c", "Release", "-o", packages, $"-p:Version={version}", "-nologo", "-v", "quiet", "-r", "any");
        if (System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier == "linux-x64")
        {
            await Run("dotnet", "pack", project, "-c", "Release", "-o", packages, $"-p:Version={version}", "-nologo", "-v", "quiet", "-r", "linux-x64");
        }

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
    public Process Start(Uri baseAddress, string workingDirectory, params string[] args) => Start(new Dictionary<string, string>(), baseAddress, workingDirectory, args);

    /// <summary>Starts the tool with more environment variables (<c>CUSTOMERADDRESSES_DIALECT</c>, …); profiles are read from a folder of the test's, never the user's.</summary>
    public Process Start(IReadOnlyDictionary<string, string> environment, Uri baseAddress, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Command) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.Environment["CUSTOMERADDRESSES_BASE_URL"] = baseAddress.ToString();
        start.Environment["CUSTOMERADDRESSES_API_KEY"] = "pdl_sdbx_apikey_e2e_secret";
        start.Environment["CUSTOMERADDRESSES_CONFIG_DIR"] = Path.Combine(workingDirectory, ".customeraddresses-config");
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs the tool to its end.</summary>
    public Task<(int ExitCode, string Output, string Error)> RunAsync(Uri baseAddress, string workingDirectory, params string[] args) =>
        RunAsync(new Dictionary<string, string>(), baseAddress, workingDirectory, args);

    /// <summary>Runs the tool to its end, with more environment variables.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, Uri baseAddress, string workingDirectory, params string[] args)
    {
        using Process process = Start(environment, baseAddress, workingDirectory, args);
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
