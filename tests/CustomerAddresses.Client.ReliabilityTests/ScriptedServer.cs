using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 that answers from a script, byte for byte: free to send any reason phrase, to lie
/// about a body's length, or to stall after the headers, which a well-behaved test server cannot.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<string, NetworkStream, CancellationToken, Task<bool>> _answer;
    private readonly Task _loop;

    /// <param name="answer">Writes the answer to a request (its request line and headers as text) on the stream; the connection is then closed.</param>
    public ScriptedServer(Func<string, NetworkStream, CancellationToken, Task> answer)
        : this(async (head, stream, ct) =>
        {
            await answer(head, stream, ct);
            return false;
        })
    {
    }

    /// <param name="answer">
    /// Writes the answer to a request on the stream, and says whether the connection stays open for the next request
    /// (the client then reuses it, as it reuses a real server's connections).
    /// </param>
    public ScriptedServer(Func<string, NetworkStream, CancellationToken, Task<bool>> answer)
    {
        _answer = answer;
        _listener.Start();
        _loop = AcceptAsync();
    }

    /// <summary>How many connections the server accepted.</summary>
    public int Connections => Volatile.Read(ref _connections);

    private int _connections;

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Completes when the first answer's headers have been written (a stalling script signals it).</summary>
    public TaskCompletionSource HeadersSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A script that answers every request with the same bytes and closes the connection.</summary>
    public static ScriptedServer Answering(string raw) =>
        new(async (_, stream, ct) => await stream.WriteAsync(Encoding.UTF8.GetBytes(raw), ct));

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    NetworkStream stream = client.GetStream();
                    try
                    {
                        bool keep = true;
                        while (keep)
                        {
                            string head = await ReadHeadAsync(stream);
                            if (head.Length == 0)
                            {
                                return; // the client closed the connection
                            }

                            Requests.Enqueue(head);
                            keep = await _answer(head, stream, _stop.Token);
                        }
                    }
                    catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
                    {
                    }
                }
            });
        }
    }

    /// <summary>Reads the request line, the headers and a body of the declared length.</summary>
    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (!(bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                break;
            }

            bytes.Add(one[0]);
        }

        string head = Encoding.ASCII.GetString(bytes.ToArray());
        string? length = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        if (length is not null && int.TryParse(length["Content-Length:".Length..].Trim(), out int n))
        {
            var body = new byte[n];
            await stream.ReadExactlyAsync(body);
        }

        return head;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
