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
}
