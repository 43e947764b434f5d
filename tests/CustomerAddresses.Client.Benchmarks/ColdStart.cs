using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using CustomerAddresses.Client.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerAddresses.Client.Benchmarks;

/// <summary>
/// The cold start: a fresh process per sample builds its client and makes its first calls (get a customer, then create
/// an address) against a loopback server, for each side (raw HttpClient + STJ, the peer, the SDK standalone, the SDK via
/// DI) and each way of running it (JIT, the SDK's package as ReadyToRun, NativeAOT). Each side is its own binary
/// (tests/CustomerAddresses.Client.ColdStart, built with only that side's code); the samples run in rounds, every
/// side once per round in a rotating order, so drift in the machine falls on all of them alike.
/// </summary>
internal static class ColdStart
{
    private static readonly string[] s_sides = ["raw", "peer", "sdk", "sdkdi"];

    /// <param name="BinaryBytes">NativeAOT: the executable's size; otherwise the SDK's assembly's (0 for raw and the peer).</param>
    private sealed record Variant(string Mode, string Side, string Executable, long BinaryBytes);

    private sealed record Sample(double Milliseconds, long WorkingSet, double MainMilliseconds);

    /// <param name="rounds">How many processes per variant.</param>
    /// <param name="modes">
    /// Which of <c>jit</c> (as the packages ship), <c>r2r-package</c> (only the SDK's assembly compiled ReadyToRun, as if
    /// its package shipped so; the SDK's sides only), <c>r2r-app</c> (the app published with <c>PublishReadyToRun</c>:
    /// every assembly compiled) and <c>aot</c>.
    /// </param>
    internal static async Task<int> RunAsync(int rounds, IReadOnlyList<string> modes)
    {
        string root = Repository.Root;
        string output = Path.Combine(root, "artifacts", "coldstart");
        var variants = new List<Variant>();
        foreach (string mode in modes)
        {
            foreach (string side in s_sides)
            {
                if (mode == "r2r-package" && !side.StartsWith("sdk", StringComparison.Ordinal))
                {
                    continue; // only this SDK's package could ship ReadyToRun
                }

                Console.Error.WriteLine($"cold start: publishing {side} ({mode})...");
                variants.Add(await PublishAsync(root, Path.Combine(output, mode, side), mode, side));
            }
        }

        await using WebApplication server = await StartServerAsync();
        Uri baseAddress = new(server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");

        // One unmeasured run each: the file cache warm, as on any machine that has run the program before.
        foreach (Variant variant in variants)
        {
            _ = await RunOnceAsync(variant, baseAddress);
        }

        var samples = variants.ToDictionary(v => v, _ => new List<Sample>());
        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < variants.Count; i++)
            {
                Variant variant = variants[(i + round) % variants.Count];
                samples[variant].Add(await RunOnceAsync(variant, baseAddress));
            }
        }

        Print(variants, samples, rounds);
        return 0;
    }

    private static async Task<Sample> RunOnceAsync(Variant variant, Uri baseAddress)
    {
        var start = new ProcessStartInfo(variant.Executable, baseAddress.AbsoluteUri) { RedirectStandardOutput = true, RedirectStandardError = true };
        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(start)!;
        string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        double elapsed = clock.Elapsed.TotalMilliseconds;
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (line is null || !line.StartsWith("ok ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{variant.Side} ({variant.Mode}) answered '{line}': {await process.StandardError.ReadToEndAsync()}");
        }

        string[] parts = line.Split(' ');
        return new Sample(elapsed, long.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    private static async Task<Variant> PublishAsync(string root, string directory, string mode, string side)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true); // a file left by another mode's publish would be measured instead
        }

        string project = Path.Combine(root, "tests", "CustomerAddresses.Client.ColdStart", "CustomerAddresses.Client.ColdStart.csproj");
        List<string> arguments = ["publish", project, "-c", "Release", "-o", directory, "-nologo", "-v", "q", $"-p:ColdStartSide={side}"];
        arguments.AddRange(mode switch
        {
            "jit" => ["-p:UseAppHost=true"],
            "r2r-package" => ["-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-p:PublishReadyToRun=true", "-p:ReadyToRunPackageOnly=true"],
            "r2r-app" => ["-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-p:PublishReadyToRun=true"],
            "aot" => ["-r", RuntimeInformation.RuntimeIdentifier, "-p:PublishAot=true"],
            _ => throw new ArgumentException($"unknown mode '{mode}' (jit, r2r-package, r2r-app, aot)"),
        });
        await DotnetAsync(arguments, $"publishing {side} ({mode})");

        string executable = Path.Combine(directory, OperatingSystem.IsWindows() ? "ColdStart.exe" : "ColdStart");
        string package = Path.Combine(directory, "CustomerAddresses.Client.dll");
        long bytes = mode == "aot" ? new FileInfo(executable).Length : File.Exists(package) ? new FileInfo(package).Length : 0;
        return new Variant(mode, side, executable, bytes);
    }

    /// <summary>Answers the two calls with Paddle's own examples, on a free loopback port.</summary>
    private static async Task<WebApplication> StartServerAsync()
    {
        byte[] customer = CannedApi.Fixture("paddle/openapi.customers.get.200.json");
        byte[] address = CannedApi.Fixture("paddle/openapi.addresses.create.201.json");
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        WebApplication app = builder.Build();
        app.MapGet("/customers/{id}", (HttpContext context) => Write(context, 200, customer));
        app.MapPost("/customers/{id}/addresses", async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            await Write(context, 201, address);
        });
        await app.StartAsync();
        return app;
    }

    private static Task Write(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    private static void Print(List<Variant> variants, Dictionary<Variant, List<Sample>> samples, int rounds)
    {
        Console.WriteLine($"Cold start, {rounds} processes per row: process start to the answer of the first two calls (get a customer, create an address).");
        Console.WriteLine();
        Console.WriteLine("| mode | side | median | p10 to p90 | min | in Main (median) | working set (median) | size |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (Variant variant in variants)
        {
            double[] ms = [.. samples[variant].Select(s => s.Milliseconds).Order()];
            double[] main = [.. samples[variant].Select(s => s.MainMilliseconds).Order()];
            long[] ws = [.. samples[variant].Select(s => s.WorkingSet).Order()];
            long rawBinary = variants.FirstOrDefault(v => v.Mode == "aot" && v.Side == "raw")?.BinaryBytes ?? 0;
            string size = variant switch
            {
                { Mode: "aot", Side: "raw" } => string.Create(CultureInfo.InvariantCulture, $"binary {variant.BinaryBytes / 1048576.0:0.0} MB"),
                { Mode: "aot" } => string.Create(CultureInfo.InvariantCulture, $"binary {variant.BinaryBytes / 1048576.0:0.0} MB ({(variant.BinaryBytes - rawBinary) / 1048576.0:+0.0;-0.0} over raw)"),
                { BinaryBytes: > 0 } => string.Create(CultureInfo.InvariantCulture, $"package assembly {variant.BinaryBytes / 1024.0:0} KB"),
                _ => string.Empty,
            };
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {variant.Mode} | {variant.Side} | {Quantile(ms, 0.5):0.0} ms | {Quantile(ms, 0.1):0.0} to {Quantile(ms, 0.9):0.0} | {ms[0]:0.0} | {Quantile(main, 0.5):0.0} ms | {Quantile(ws.Select(w => (double)w).ToArray(), 0.5) / 1048576.0:0.0} MB | {size} |"));
        }
    }

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>; its output is the exception's when it fails.</summary>
    internal static async Task DotnetAsync(List<string> arguments, string what)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ForEach(start.ArgumentList.Add);
        using Process process = Process.Start(start)!;
        string log = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed:\n{log}");
        }
    }

    internal static double Quantile(double[] sorted, double q)
    {
        double position = (sorted.Length - 1) * q;
        int low = (int)Math.Floor(position);
        int high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}
