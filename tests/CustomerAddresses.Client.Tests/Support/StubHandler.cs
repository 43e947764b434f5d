namespace CustomerAddresses.Client.Tests.Support;

/// <summary>A primary handler that answers each attempt from a script: a status, a thrown failure, or a hang.</summary>
internal sealed class StubHandler(Func<int, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, string? Body)> Attempts { get; } = [];

    public static Task<HttpResponseMessage> Status(int status, string body = "{}") =>
        Task.FromResult(new HttpResponseMessage((System.Net.HttpStatusCode)status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") });

    /// <summary>Never answers; ends only when the attempt is cancelled, as a server that hangs.</summary>
    public static async Task<HttpResponseMessage> Hang(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        int attempt;
        lock (Attempts)
        {
            Attempts.Add((request, body));
            attempt = Attempts.Count;
        }

        HttpResponseMessage response = await answer(attempt, cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    /// <summary>A 200 whose body breaks off halfway, as when the connection is cut mid-response.</summary>
    public static Task<HttpResponseMessage> BodyCutOff(string body) =>
        Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream(System.Text.Encoding.UTF8.GetBytes(body))) });

    private sealed class BreakingStream(byte[] bytes) : MemoryStream(bytes, 0, bytes.Length / 2)
    {
        public override int Read(byte[] buffer, int offset, int count) => Position < Length ? base.Read(buffer, offset, count) : throw new IOException("Connection reset by peer.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position < Length ? base.ReadAsync(buffer, cancellationToken) : ValueTask.FromException<int>(new IOException("Connection reset by peer."));
    }
}
