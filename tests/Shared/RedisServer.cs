using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CustomerAddresses.Client.Tests.Shared;

/// <summary>
/// A Redis server of the test's own, so that a test may stop it mid-run: Debian's <c>redis-server</c> from the PATH
/// (<c>.ci/run</c> installs it when it is missing), on a free loopback port, keeping nothing on disk.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;

        // A test that fails before disposing it, or a test host that ends, leaves no server running.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
    }

    public int Port { get; }

    /// <summary>The server as StackExchange.Redis reads a configuration string.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>A loopback port on which nothing listens (as far as anyone can know without holding it).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public static async Task<RedisServer> StartAsync(int? port = null)
    {
        for (int attempt = 0; ; attempt++)
        {
            int chosen = port ?? FreePort();
            var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string arg in new[] { "--port", chosen.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", Path.GetTempPath() })
            {
                start.ArgumentList.Add(arg);
            }

            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("These tests need redis-server on the PATH (Debian: apt-get install redis-server; .ci/run installs it).", e);
            }

            using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            _ = process.StandardError.ReadToEndAsync(ready.Token);
            while (await process.StandardOutput.ReadLineAsync(ready.Token) is { } line)
            {
                if (line.Contains("Ready to accept connections", StringComparison.Ordinal))
                {
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None); // keep its output flowing
                    return new RedisServer(process, chosen);
                }
            }

            // It exited: the port was taken meanwhile. Another one, a few times.
            await process.WaitForExitAsync(CancellationToken.None);
            process.Dispose();
            if (attempt == 4 || port is not null)
            {
                throw new InvalidOperationException($"redis-server did not start on port {chosen}.");
            }
        }
    }

    /// <summary>Stops the server at once, as a crash or a lost network would (SIGKILL).</summary>
    public async Task KillAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
    }

    private void Kill()
    {
        try
        {
            _process.Kill();
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            // exited already, or disposed
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
