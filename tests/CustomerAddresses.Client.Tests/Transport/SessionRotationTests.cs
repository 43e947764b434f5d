using System.Collections.Concurrent;
using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CustomerAddresses.Client.Tests.Transport;

/// <summary>A session token the server rotates is used from the next request on, handed to the caller, and never shown.</summary>
public sealed class SessionRotationTests : FakeApiTests
{
    private const string Path = "/organizations/1/billing-addresses";
    private const string Rotated = "eyJhbGciOiJFUzI1NiJ9.rotated-session.signature";
    private static readonly OrganizationId s_organization = OrganizationId.Parse("1");

    private readonly ConcurrentQueue<string> _rotations = new();
    private readonly FakeLogCollector _logs = new();

    private CustomerAddressesClient Client(string? session = FakeApi.SessionToken, Action<string>? callback = null) =>
        TestClients.Create(new Uri(Api.Url), o =>
        {
            o.SessionToken = session;
            o.Retry.MaxRetries = 0;
            o.SessionTokenRotated = callback ?? _rotations.Enqueue;
            o.LoggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
        });

    /// <summary>The first list answer rotates the session with <paramref name="header"/>; later ones do not.</summary>
    private void RotateOnFirstCall(string header, string value)
    {
        const string body = """{"status":200,"message":"","data":[],"errors":null}""";
        Api.Server.Given(Request.Create().WithPath(Path).UsingGet()).InScenario("rotation").WillSetStateTo("rotated")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithHeader(header, value).WithBody(body));
        Api.Server.Given(Request.Create().WithPath(Path).UsingGet()).InScenario("rotation").WhenStateIs("rotated")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
    }

    private List<string?> SentSessions() =>
        Api.Requests.Select(r => r.RequestMessage!.Cookies is { } cookies && cookies.TryGetValue("__session", out string? value) ? value : null).ToList();

    [Theory]
    [InlineData("Set-Cookie", "__session=" + Rotated + "; expires=Sat, 30 Nov 2026 12:00:00 GMT; path=/; HttpOnly")]
    [InlineData("X-Development-Session", Rotated)]
    public async Task The_next_request_carries_the_rotated_token_and_the_caller_is_told(string header, string value)
    {
        RotateOnFirstCall(header, value);
        using CustomerAddressesClient client = Client();

        await client.BillingAddresses.ListAsync(s_organization).ToListAsync();
        await client.BillingAddresses.ListAsync(s_organization).ToListAsync();
        await client.BillingAddresses.ListAsync(s_organization).ToListAsync();

        Assert.Equal(new List<string?> { FakeApi.SessionToken, Rotated, Rotated }, SentSessions());
        Assert.Equal([Rotated], _rotations);
        Assert.All(_logs.GetSnapshot(), r => Assert.DoesNotContain(Rotated, r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_without_a_session_does_not_adopt_one_the_server_offers()
    {
        RotateOnFirstCall("Set-Cookie", "__session=" + Rotated + "; path=/");
        using CustomerAddressesClient client = Client(session: null);

        await client.BillingAddresses.ListAsync(s_organization).ToListAsync();
        await client.BillingAddresses.ListAsync(s_organization).ToListAsync();

        Assert.Equal(new List<string?> { null, null }, SentSessions());
        Assert.Empty(_rotations);
    }

    [Theory]
    [InlineData("__session=; Max-Age=0")]
    [InlineData("__session=has space; path=/")]
    [InlineData("other=value; path=/")]
    public async Task A_cookie_that_is_not_a_usable_session_token_changes_nothing(string setCookie)
    {
        RotateOnFirstCall("Set-Cookie", setCookie);
        using CustomerAddressesClient client = Client();

        await client.BillingAddresses.ListAsync(s_organization).ToListAsync();
        await client.BillingAddresses.ListAsync(s_organization).ToListAsync();

        Assert.Equal(new List<string?> { FakeApi.SessionToken, FakeApi.SessionToken }, SentSessions());
        Assert.Empty(_rotations);
    }

    [Fact]
    public async Task A_callback_that_throws_does_not_fail_the_call_and_the_new_token_is_used()
    {
        RotateOnFirstCall("X-Development-Session", Rotated);
        using CustomerAddressesClient client = Client(callback: _ => throw new InvalidOperationException("disk full"));

        await client.BillingAddresses.ListAsync(s_organization).ToListAsync();
        await client.BillingAddresses.ListAsync(s_organization).ToListAsync();

        Assert.Equal(new List<string?> { FakeApi.SessionToken, Rotated }, SentSessions());
        Assert.Contains(_logs.GetSnapshot(), r => r.Id.Id == 15 && r.Message.Contains(nameof(InvalidOperationException), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rotated_token_echoed_in_an_error_is_masked_like_the_first()
    {
        RotateOnFirstCall("X-Development-Session", Rotated);
        Api.Reply("POST", Path, 400, $$"""{"status":400,"message":"bad session {{Rotated}}","errors":[{"code":"BAD","message":"{{Rotated}}"}]}""");
        using CustomerAddressesClient client = Client();
        await client.BillingAddresses.ListAsync(s_organization).ToListAsync();

        var e = await Assert.ThrowsAsync<ValidationFailedException>(() => client.BillingAddresses.AddAsync(s_organization, new AddBillingAddressRequest
        {
            Name = "n", Company = "c", AddressLine1 = "a", City = "c", State = "s", PostalCode = "p", Country = "US",
        }));

        Assert.DoesNotContain(Rotated, e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Rotated, e.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Rotated, e.FieldErrors[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Rotated, e.ResponseExcerpt, StringComparison.Ordinal);
    }
}
