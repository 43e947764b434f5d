using System.Net;
using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.Core;

/// <summary>
/// The overloads that take <see cref="RequestOptions"/>: the caller's headers, client request id and timeout reach every
/// attempt of the call, bad options are refused before anything is sent, and the answer's metadata comes back with the
/// resource (status, request id, headers without the session's). On the standalone client and under dependency injection.
/// </summary>
public sealed class CallOptionsTests
{
    private const string Created = """{"data":{"id":"ctm_01hv6y1jedq4p1n0yqn5ba3ky4","email":"jo@example.com"},"meta":{"request_id":"req_body_1"}}""";
    private static readonly Uri s_paddle = new("https://api.paddle.com/");
    private static readonly CustomerId s_customer = CustomerId.Parse("ctm_01hv6y1jedq4p1n0yqn5ba3ky4");

    public static TheoryData<bool> Modes => new() { false, true };

    private static CustomerAddressesClient Client(bool dependencyInjection, HttpMessageHandler server, Action<CustomerAddressesClientOptions>? change = null)
    {
        CustomerAddressesClientOptions options = TestClients.Options(s_paddle, o =>
        {
            o.ApiKey = "pdl_live_apikey_01hcalloptionscalloptions";
            o.SessionToken = "sess_calloptions";
            o.Retry.BaseDelay = TimeSpan.Zero;
            change?.Invoke(o);
        });
        return dependencyInjection ? ServiceProviderClient.Create(options, server) : TestClients.Create(options, server);
    }

    private static Task<HttpResponseMessage> Answer(int status, string body, params (string Name, string Value)[] headers)
    {
        HttpResponseMessage response = StubHandler.Status(status, body).Result;
        foreach ((string name, string value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return Task.FromResult(response);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_callers_headers_and_client_request_id_reach_every_attempt_and_the_answer_comes_back_with_its_metadata(bool dependencyInjection)
    {
        var server = new StubHandler((attempt, _) => attempt == 1
            ? Answer(503, "{}")
            : Answer(200, Created, ("Request-Id", "req_header_1"), ("Set-Cookie", "__session=sess_rotated; path=/"), ("X-RateLimit-Remaining", "239")));
        using CustomerAddressesClient client = Client(dependencyInjection, server);
        var options = new RequestOptions { ClientRequestId = "order-7781", Headers = { ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" } };

        ApiResponse<Customer> response = await client.Customers.GetAsync(s_customer, options);

        Assert.Equal(2, server.Attempts.Count);
        Assert.All(server.Attempts, a =>
        {
            Assert.Equal("order-7781", a.Request.Headers.GetValues("X-Client-Request-Id").Single());
            Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", a.Request.Headers.GetValues("traceparent").Single());
        });
        Assert.Equal("jo@example.com", response.Value.Email);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("req_body_1", response.RequestId); // the body's meta.request_id before the header's
        Assert.Equal("order-7781", response.ClientRequestId);
        Assert.True(response.TryGetHeader("x-ratelimit-remaining", out string? remaining));
        Assert.Equal("239", remaining);
        Assert.False(response.TryGetHeader("Set-Cookie", out _));
        Assert.DoesNotContain(response.Headers, h => h.Key.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(response.Headers, h => h.Key == "Content-Type");
        Assert.Equal("200 OK (request id req_body_1, client request id order-7781)", response.ToString());
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_calls_own_timeout_ends_it_instead_of_the_clients(bool dependencyInjection)
    {
        var clock = new TestClock();
        var server = new StubHandler((_, ct) => StubHandler.Hang(ct));
        using CustomerAddressesClient client = Client(dependencyInjection, server, o =>
        {
            o.TimeProvider = clock;
            o.Timeouts.Total = TimeSpan.FromHours(1);
            o.Timeouts.Attempt = TimeSpan.FromHours(1);
        });

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            clock.RunAsync(client.Customers.GetAsync(s_customer, new RequestOptions { Timeout = TimeSpan.FromSeconds(5) }), due => due == TimeSpan.FromSeconds(5)));

        Assert.Contains("total timeout 5 s", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(clock.Advanced); // the pipeline's total timeout and the call's own deadline, both at 5 s: never the client's hour
        Assert.All(clock.Advanced, due => Assert.Equal(TimeSpan.FromSeconds(5), due));
    }

    public static TheoryData<string, Action<RequestOptions>> BadOptions => new()
    {
        { "requestOptions.Headers", o => o.Headers["Authorization"] = "Bearer stolen" },
        { "requestOptions.Headers", o => o.Headers["Cookie"] = "__session=other" },
        { "requestOptions.Headers", o => o.Headers["X-Client-Request-Id"] = "mine" },
        { "requestOptions.Headers", o => o.Headers["Content-Length"] = "0" },
        { "requestOptions.Headers", o => o.Headers["X-Trace"] = "a\r\nX-Injected: 1" },
        { "requestOptions.Headers", o => o.Headers["bad name"] = "x" },
        { "requestOptions.Timeout", o => o.Timeout = TimeSpan.Zero },
        { "requestOptions.Timeout", o => o.Timeout = TimeSpan.FromDays(2) },
        { "requestOptions.ClientRequestId", o => o.ClientRequestId = "has space" },
        { "requestOptions.ClientRequestId", o => o.ClientRequestId = new string('a', 129) },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task Bad_options_are_an_ArgumentException_naming_them_before_anything_is_sent(string name, Action<RequestOptions> change)
    {
        var server = new StubHandler((_, _) => Answer(200, Created));
        using CustomerAddressesClient client = Client(dependencyInjection: false, server);
        var options = new RequestOptions();
        change(options);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Customers.GetAsync(s_customer, options));

        Assert.Equal(name, error.ParamName);
        Assert.Empty(server.Attempts);
        Assert.DoesNotContain("stolen", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_carries_what_the_server_said_about_it_and_the_callers_headers()
    {
        string page1 = ListBodies.Cursor([1, 2], true, "https://api.paddle.com/customers/" + s_customer + "/addresses?after=add_2", requestId: "req_page_1");
        string page2 = ListBodies.Cursor([3], false, null, requestId: "req_page_2");
        var server = new StubHandler((attempt, _) => Answer(200, attempt == 1 ? page1 : page2));
        using CustomerAddressesClient client = Client(dependencyInjection: false, server);

        List<Page<Address>> pages = await client.Addresses.ListAsync(s_customer, null, new RequestOptions { Headers = { ["X-Tenant"] = "acme" } }).AsPages().ToListAsync();

        Assert.Equal(["req_page_1", "req_page_2"], pages.Select(p => p.Response!.RequestId));
        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Response!.StatusCode));
        Assert.All(server.Attempts, a => Assert.Equal("acme", a.Request.Headers.GetValues("X-Tenant").Single()));
        Assert.Equal(pages[0].Response!.ClientRequestId, server.Attempts[0].Request.Headers.GetValues("X-Client-Request-Id").Single());
    }

    [Fact]
    public async Task A_delete_with_options_returns_the_answers_metadata()
    {
        var server = new StubHandler((_, _) => Answer(200, """{"status":200,"message":"","data":{"success":true},"errors":null}""", ("X-Request-Id", "req_delete")));
        using CustomerAddressesClient client = Client(dependencyInjection: true, server);

        ApiResponse response = await client.BillingAddresses.DeleteAsync(OrganizationId.Parse("7318049210374193152"), BillingAddressId.Parse("7318049210374193153"), new RequestOptions());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("req_delete", response.RequestId);
    }
}
