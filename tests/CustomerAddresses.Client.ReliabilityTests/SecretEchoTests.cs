using System.Text;
using CustomerAddresses.Client.Tests.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary>
/// A server or proxy that echoes the credential back, in every place a server controls: the reason phrase, an error
/// code, a body cut at the excerpt's limit, a key longer than the excerpt, a JSON-escaped echo, an invalid id that was
/// the key. None of it reaches a message, a property, an inner exception or a log line; no server text forges a log line.
/// </summary>
public sealed class SecretEchoTests
{
    /// <summary>A key with the characters JSON writers escape ('+', '/').</summary>
    private const string Key = "pdl_sdbx_apikey_01h+Zq9/rTs+k3yW9mN2pQ7vX4cL8aB5dE1fG6hJ0";

    private static readonly string s_longKey = "pdl_sdbx_apikey_" + string.Concat(Enumerable.Range(0, 60).Select(i => $"{i:D2}abcdefgh")); // 616 characters

    private readonly FakeLogCollector _logs = new();

    private CustomerAddressesClient Client(Uri baseAddress, string key) => TestClients.Create(baseAddress, o =>
    {
        o.ApiKey = key;
        o.SessionToken = Chaos.SessionToken;
        o.Retry.MaxRetries = 0;
        o.LoggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
    });

    private static string Http(int status, string reason, string body, string contentType = "application/json") =>
        $"HTTP/1.1 {status} {reason}\r\nContent-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";

    /// <summary>Each way a server can say the key, and the key it says.</summary>
    public static TheoryData<string, string, string> Echoes => new()
    {
        { "reason phrase", Key, Http(400, "Bad key " + Key, "{}") },
        { "reason phrase, not JSON", Key, Http(502, Key, "<html>bad gateway</html>", "text/html") },
        { "error code", Key, Http(400, "Bad Request", $$$"""{"error":{"type":"request_error","code":"{{{Key}}}","detail":"bad"}}""") },
        { "field error code", Key, Http(400, "Bad Request", $$$"""{"status":400,"message":"bad","errors":[{"code":"{{{Key}}}","message":"{{{Key}}}"}]}""") },
        { "body cut at the excerpt's limit", Key, Http(500, "Oops", new string('x', 490) + " " + Key + " tail", "text/plain") },
        { "key longer than the excerpt", s_longKey, Http(500, "Oops", "token=" + s_longKey, "text/plain") },
        { "JSON-escaped echo", Key, Http(400, "Bad Request", $$$"""{"message":"{{{Key.Replace("+", "\\u002B", StringComparison.Ordinal).Replace("/", "\\/", StringComparison.Ordinal)}}}"}""") },
        { "JSON-escaped echo in a success body", Key, Http(201, "Created", $$$"""{"id":7,"note":"{{{Key.Replace("+", "\\u002B", StringComparison.Ordinal)}}}"}""") },
        { "invalid id that was the key", Key, Http(201, "Created", $$$"""{"id":"{{{Key}}}","email":"a@b.c"}""") },
        { "request id", Key, Http(404, "Not Found", $$$"""{"error":{"code":"not_found","detail":"gone"},"meta":{"request_id":"{{{Key}}}"}}""") },
    };

    [Theory]
    [MemberData(nameof(Echoes))]
    public async Task An_echoed_credential_is_masked_everywhere(string where, string key, string answer)
    {
        await using ScriptedServer server = ScriptedServer.Answering(answer);
        using CustomerAddressesClient client = Client(server.BaseAddress, key);

        var e = await Assert.ThrowsAnyAsync<CustomerAddressesApiException>(() => client.Customers.CreateAsync(new CreateCustomerRequest { Name = "A", Email = "a@b.c" }));

        string[] texts =
        [
            e.ToString(), e.Message, e.ErrorCode ?? "", e.Detail ?? "", e.ResponseExcerpt ?? "", e.RequestId ?? "", e.ErrorType ?? "",
            .. e.FieldErrors.SelectMany(f => new[] { f.Field ?? "", f.Message, f.Code ?? "" }),
            .. _logs.GetSnapshot().Select(r => r.Message),
        ];
        Chaos.AssertNoRunOf(key, texts, where);
    }

    [Theory]
    [InlineData("\r\nFORGED 2026-11-30 admin logged in")]
    [InlineData("\nFORGED")]
    [InlineData("\u2028FORGED")]
    [InlineData("\u0085FORGED")]
    public async Task Server_text_cannot_forge_a_log_line(string injection)
    {
        string body = $$$"""{"error":{"code":"bad{{{System.Text.Json.JsonEncodedText.Encode(injection)}}}","detail":"d"},"meta":{"request_id":"r{{{System.Text.Json.JsonEncodedText.Encode(injection)}}}"}}""";
        await using ScriptedServer server = ScriptedServer.Answering(Http(400, "Bad Request", body));
        using CustomerAddressesClient client = Client(server.BaseAddress, Key);

        await Assert.ThrowsAsync<ValidationFailedException>(() => client.Customers.CreateAsync(new CreateCustomerRequest { Name = "A", Email = "a@b.c" }));

        var lines = _logs.GetSnapshot().Select(r => r.Message).ToList();
        Assert.Contains(lines, l => l.Contains("FORGED", StringComparison.Ordinal)); // the text is logged ...
        Assert.All(lines, l => Assert.DoesNotContain(l, c => c is '\r' or '\n' or '\u2028' or '\u2029' or '\u0085')); // ... on its own line
    }
}
