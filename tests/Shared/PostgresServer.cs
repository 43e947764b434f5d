using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CustomerAddresses.Client.Tests.Shared;

/// <summary>
/// A real PostgreSQL for the tests, never a stand-in: the server <c>.ci/run</c> started (its connection string in
/// <c>CUSTOMERADDRESSES_TEST_POSTGRES</c>), or else a private cluster made here from the machine's PostgreSQL server
/// binaries (<c>initdb</c>, <c>pg_ctl</c>) in a temporary folder on a free loopback port, removed when the test host
/// ends. Each test gets a database of its own.
/// </summary>
internal static class PostgresServer
{
    private static readonly SemaphoreSlim s_gate = new(1, 1);
    private static string? s_server;

    /// <summary>A new, empty database, as an Npgsql connection string.</summary>
    internal static async Task<string> CreateDatabaseAsync()
    {
        string server = await ServerAsync();
        string name = "mirror_" + Guid.NewGuid().ToString("N");
        await using var connection = new Npgsql.NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static async Task<string> ServerAsync()
    {
        await s_gate.WaitAsync();
        try
        {
            return s_server ??= Environment.GetEnvironmentVariable("CUSTOMERADDRESSES_TEST_POSTGRES") is { Length: > 0 } given ? given : await StartClusterAsync();
        }
        finally
        {
            s_gate.Release();
        }
    }

    private static async Task<string> StartClusterAsync()
    {
        string bin = Binaries();
        string folder = Directory.CreateTempSubdirectory("customeraddresses-pg-").FullName;
        bool root = Environment.UserName == "root"; // initdb refuses to run as root: the cluster then belongs to postgres
        if (root)
        {
            await RunAsync("chown", "postgres", folder);
        }

        string data = Path.Combine(folder, "data");
        await RunAsUserAsync(root, Path.Combine(bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C");
        int port = FreePort();
        await RunAsUserAsync(root, Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(folder, "log"), "-w", "-o",
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                using Process? stop = Process.Start(Start(root, Path.Combine(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"));
                stop?.WaitForExit(10_000);
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
            {
                // the folder is a temporary one: what a failed stop leaves, the machine's cleanup removes
            }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50";
    }

    /// <summary>The folder of the machine's PostgreSQL server binaries: the one <c>initdb</c> on the PATH is in, else Debian's newest.</summary>
    private static string Binaries()
    {
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            string initdb = Path.Combine(folder, "initdb");
            if (File.Exists(initdb))
            {
                return Path.GetDirectoryName(new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb)!;
            }
        }

        string[] debian = Directory.Exists("/usr/lib/postgresql") ? [.. Directory.GetDirectories("/usr/lib/postgresql").Order()] : [];
        return debian.Length > 0 ? Path.Combine(debian[^1], "bin")
            : throw new InvalidOperationException("These tests need PostgreSQL's server binaries (initdb, pg_ctl): Debian's postgresql package, or CUSTOMERADDRESSES_TEST_POSTGRES naming a server.");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static ProcessStartInfo Start(bool root, string program, params string[] args)
    {
        var start = new ProcessStartInfo(root ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in root ? ["-u", "postgres", "--", program, .. args] : args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    private static Task RunAsUserAsync(bool root, string program, params string[] args) => RunAsync(Start(root, program, args));

    private static Task RunAsync(string program, params string[] args) => RunAsync(Start(false, program, args));

    private static async Task RunAsync(ProcessStartInfo start)
    {
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
