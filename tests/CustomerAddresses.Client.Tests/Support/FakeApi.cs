using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.Tests.Support;

/// <summary>A WireMock server standing in for the API, plus clients pointed at it.</summary>
internal sealed class FakeApi : IDisposable
{
    public const string ApiKey = "pdl_sdbx_apikey_01hsecretsecretsecret";
    public const string SessionToken = "sess_tok_01hsupersecretcookie";

    /// <summary>Replies set up by <see cref="Reply"/> give way to any more specific mapping (WireMock: lower wins).</summary>
    public const int LowPriority = 1000;

    private readonly List<CustomerAddressesClient> _clients = [];

    public FakeApi() => Server = WireMockServer.Start();

    public WireMockServer Server { get; }

    /// <summary>The server's root, for example <c>http://localhost:51234</c> (no trailing slash).</summary>
    public string Url => Server.Url!;

    public IReadOnlyList<ILogEntry> Requests => Server.LogEntries.ToList();

    /// <summary>A client of this server. It does not retry unless asked: tests of other behaviour see each answer once.</summary>
    public CustomerAddressesClient Client(string basePath = "/", string? apiKey = ApiKey, string? sessionToken = null, int maxRetries = 0)
    {
        CustomerAddressesClient client = TestClients.Create(new Uri(Url + basePath), o =>
        {
            o.ApiKey = apiKey;
            o.SessionToken = sessionToken;
            o.Retry.MaxRetries = maxRetries;
        });
        _clients.Add(client);
        return client;
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with a JSON body.</summary>
    public void Reply(string method, string path, int status, string body, params (string Name, string Value)[] headers)
    {
        IResponseBuilder response = Response.Create()
            .WithStatusCode(status)
            .WithHeader("Content-Type", "application/json")
            .WithBody(body);
        foreach ((string name, string value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).AtPriority(LowPriority).RespondWith(response);
    }

    /// <summary>Answers with a body of any content type.</summary>
    public void ReplyRaw(string method, string path, int status, string body, string contentType)
    {
        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).AtPriority(LowPriority)
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));
    }

    public void Dispose()
    {
        foreach (CustomerAddressesClient client in _clients)
        {
            client.Dispose();
        }

        Server.Stop();
        Server.Dispose();
    }
}
