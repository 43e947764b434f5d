using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using CustomerAddresses.Client.Testing;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.Benchmarks;

/// <summary>
/// The <c>customeraddresses</c> tool's start-up, as a user meets it: a fresh process per sample, from its start to its
/// exit, for <c>--version</c> and for <c>customers get ID</c> against the emulator on loopback. Three builds of the same
/// tool: <c>jit</c> (framework-dependent, as a tool package without a RID is), <c>r2r</c> (ReadyToRun) and <c>aot</c>
/// (NativeAOT, as the RID-specific tool package ships it).
/// </summary>
internal static class ToolStart
{
    internal static async Task<int> RunAsync(int rounds)
    {
        string output = Path.Combine(Path.GetTempPath(), "customeraddresses-tool-start");
        var builds = new List<(string Mode, string Executable)>();
        foreach (string mode in new[] { "jit", "r2r", "aot" })
        {
            builds.Add((mode, await PublishAsync(Path.Combine(output, mode), mode)));
        }

        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RecordRequests = false });
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = emulator.BaseAddress, Dialect = ApiDialect.PaddleBilling });
        Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "start@example.com", Name = "Start" });
        (string Name, string[] Args)[] commands = [("--version", ["--version"]), ("customers get", ["customers", "get", customer.Id.Value, "--dialect", "paddle"])];

        Console.WriteLine($"The tool's start-up, {rounds} fresh processes per row (interleaved): process start to exit.");
        Console.WriteLine();
        Console.WriteLine("| command | build | median | p10 to p90 | size |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        foreach ((string name, string[] args) in commands)
        {
            var samples = builds.ToDictionary(b => b.Mode, _ => new List<double>());
            for (int round = 0; round < rounds; round++)
            {
                foreach ((string mode, string executable) in builds)
                {
                    samples[mode].Add(await TimeAsync(executable, args, emulator.BaseAddress));
                }
            }

            foreach ((string mode, string executable) in builds)
            {
                double[] ms = [.. samples[mode].Order()];
                long bytes = mode == "aot" ? new FileInfo(executable).Length : Directory.GetFiles(Path.GetDirectoryName(executable)!, "*.dll").Sum(f => new FileInfo(f).Length);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {mode} | {ColdStart.Quantile(ms, 0.5):0} ms | {ColdStart.Quantile(ms, 0.1):0} to {ColdStart.Quantile(ms, 0.9):0} | {bytes / 1048576.0:0.0} MB |"));
            }
        }

        return 0;
    }

    private static async Task<double> TimeAsync(string executable, string[] args, Uri baseAddress)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        start.Environment["CUSTOMERADDRESSES_BASE_URL"] = baseAddress.ToString();
        start.Environment["CUSTOMERADDRESSES_API_KEY"] = "pdl_sdbx_apikey_tool_start";
        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        double ms = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', args)} exited with {process.ExitCode}: {await output}{await error}");
        }

        return ms;
    }

    private static async Task<string> PublishAsync(string directory, string mode)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        string project = Path.Combine(Repository.Root, "src", "CustomerAddresses.Cli", "CustomerAddresses.Cli.csproj");
        List<string> arguments = ["publish", project, "-c", "Release", "-o", directory, "-nologo", "-v", "q"];
        arguments.AddRange(mode switch
        {
            "jit" => ["-p:PublishAot=false"],
            "r2r" => ["-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-p:PublishAot=false", "-p:PublishReadyToRun=true"],
            _ => ["-r", RuntimeInformation.RuntimeIdentifier],
        });
        await ColdStart.DotnetAsync(arguments, $"publishing the tool ({mode})");
        return Path.Combine(directory, OperatingSystem.IsWindows() ? "customeraddresses.exe" : "customeraddresses");
    }
}
