using System.Diagnostics;
using System.Text;
using CustomerAddresses.Client.Tests.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary>
/// The answers of Paddle's authentication-token and portal-session creates carry credentials the client has not read yet
/// when it fails to read them. Whatever the shape of a malformed answer, nothing of it reaches the exception (message,
/// excerpt, inner exception), a log line or an activity tag.
/// </summary>
public sealed class SecretAnswerTests
{
    private const string Token = "pca_01hwyzq8hmdwed5p4jc4hnv6bh_01hwwggymjn0yhhb2gr4p91276_6xaav4lydudt6bgmuefeaf2xnu3umegx";
    private const string PortalToken = "pga_eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjdG1fMDFncm5uNHp0YTVhMW1mMDJqanplN3kyeXMifQ.c2lnbmF0dXJlc2lnbmF0dXJl";
    private const string PortalLink = "https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw?action=overview&token=" + PortalToken;
    private static readonly CustomerId s_customer = CustomerId.Parse("ctm_01gysfvfy7vqhpzkq8rjmrq7an");

    private readonly FakeLogCollector _logs = new();

    /// <summary>Each malformed answer: what it is, which operation gets it, its status and body.</summary>
    public static TheoryData<string, bool, int, string> Answers => new()
    {
        { "token, cut short", true, 200, $$$$$"""{"data":{"customer_auth_token":"{{{{{Token}}}}}","expires_at":"2024-05-03T1""" },
        { "token, a bad timestamp", true, 200, $$$$$"""{"data":{"customer_auth_token":"{{{{{Token}}}}}","expires_at":"tomorrow"}}""" },
        { "token as an object", true, 200, $$$$$"""{"data":{"customer_auth_token":{"value":"{{{{{Token}}}}}"},"expires_at":"2024-05-03T10:34:12.34Z"}}""" },
        { "token as a number after it", true, 200, $$$$$"""{"data":{"note":"{{{{{Token}}}}}","customer_auth_token":7,"expires_at":"2024-05-03T10:34:12.34Z"}}""" },
        { "token as a member name", true, 200, $$$$$"""{"data":{"{{{{{Token}}}}}":1,"customer_auth_token":[],"expires_at":"x"}}""" },
        { "token, expires_at twice, the last an array", true, 200, $$$$$"""{"data":{"customer_auth_token":"{{{{{Token}}}}}","expires_at":"2024-05-03T10:34:12.34Z","expires_at":["{{{{{Token}}}}}"]}}""" },
        { "token in an HTML error page", true, 500, $"<html><body>upstream said {Token}</body></html>" },
        { "token in an error's detail-less body", true, 502, $$$$$"""{"unexpected":"{{{{{Token}}}}}"}""" },
        { "portal, cut short", false, 201, $$$$$"""{"data":{"id":"cpls_01h4ge9r64c22exjsx0fy8b48b","urls":{"general":{"overview":"{{{{{PortalLink}}}}}""" },
        { "portal, subscriptions as a string", false, 201, $$$$$"""{"data":{"id":"cpls_01h4ge9r64c22exjsx0fy8b48b","urls":{"general":{"overview":"{{{{{PortalLink}}}}}"},"subscriptions":"{{{{{PortalLink}}}}}"}}}""" },
        { "portal, a link in an array", false, 201, $$$$$"""{"data":{"id":"cpls_01h4ge9r64c22exjsx0fy8b48b","urls":{"general":{"overview":["{{{{{PortalLink}}}}}"]}}}}""" },
        { "portal, a bad created_at", false, 201, $$$$$"""{"data":{"id":"cpls_01h4ge9r64c22exjsx0fy8b48b","urls":{"general":{"overview":"{{{{{PortalLink}}}}}"}},"created_at":"{{{{{PortalToken}}}}}"}}""" },
        { "portal, an id that is not one", false, 201, $$$$$"""{"data":{"id":"cpls_01h4ge9r64c22exjsx0fy8b48b","customer_id":"{{{{{PortalToken}}}}}","urls":{"general":{"overview":"{{{{{PortalLink}}}}}"}}}}""" },
        { "portal link in a text error", false, 503, "Service Unavailable: retry " + PortalLink },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Nothing_of_a_malformed_answer_that_carries_credentials_is_quoted(string shape, bool authToken, int status, string body)
    {
        var tags = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "CustomerAddresses.Client",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (tags)
                {
                    tags.AddRange(activity.TagObjects.Select(t => $"{t.Key}={t.Value}"));
                    tags.Add(activity.StatusDescription ?? string.Empty);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        string contentType = body.StartsWith('{') ? "application/json" : "text/html";
        await using ScriptedServer server = ScriptedServer.Answering(
            $"HTTP/1.1 {status} Status\r\nContent-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}");
        using CustomerAddressesClient client = TestClients.Create(server.BaseAddress, o =>
        {
            o.Dialect = ApiDialect.PaddleBilling;
            o.Retry.MaxRetries = 0;
            o.LoggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
        });

        CustomerAddressesApiException e = await Assert.ThrowsAnyAsync<CustomerAddressesApiException>(() => authToken
            ? client.Customers.GenerateAuthTokenAsync(s_customer)
            : client.Customers.CreatePortalSessionAsync(s_customer, ["sub_01h04vsc0qhwtsbsxh3422wjs4"]));

        Assert.Equal(status, (int)e.StatusCode);
        Assert.Null(e.ResponseExcerpt);
        string[] texts =
        [
            e.ToString(), e.Message, e.Detail ?? "", e.ErrorCode ?? "", e.RequestId ?? "",
            .. _logs.GetSnapshot().Select(r => r.Message + " " + r.Exception),
            .. tags,
        ];
        foreach (string secret in new[] { Token, PortalToken, PortalLink })
        {
            Chaos.AssertNoRunOf(secret, texts, shape);
        }
    }
}
