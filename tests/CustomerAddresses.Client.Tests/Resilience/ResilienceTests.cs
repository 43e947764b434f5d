using System.Net;
using CustomerAddresses.Client.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.Tests.Resilience;

/// <summary>
/// Retries and timeouts on a fake clock: reads are retried on transient failures, creates only when they certainly
/// did not take effect, <c>Retry-After</c> is honoured up to its cap, and nothing waits in real time. Every test runs
/// twice: on the standalone client and on the one dependency injection builds (the subclasses below).
/// </summary>
public abstract class ResilienceTests : FakeApiTests
{
    /// <summary>Builds the client under test from <paramref name="options"/>, over the socket or a scripted primary handler.</summary>
    private protected abstract CustomerAddressesClient Build(CustomerAddressesClientOptions options, HttpMessageHandler? primaryHandler = null);

    private const string ListPath = "/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/addresses";
    private const string CreatePath = "/customers";
    private static readonly TimeSpan s_attemptTimeout = TimeSpan.FromMinutes(10);

    private readonly TestClock _clock = new();
    private readonly FakeLogCollector _logs = new();

    private CustomerAddressesClientOptions Options() => TestClients.Options(new Uri(Api.Url), o =>
    {
        o.ApiKey = FakeApi.ApiKey;
        o.SessionToken = FakeApi.SessionToken;
        o.TimeProvider = _clock;
        o.Retry.BaseDelay = TimeSpan.FromMilliseconds(200);
        o.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        o.Timeouts.Attempt = s_attemptTimeout;
        o.Timeouts.Total = TimeSpan.FromHours(1);
        o.LoggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(_logs)));
    });

    private CustomerAddressesClient Client(Action<CustomerAddressesClientOptions>? change = null)
    {
        CustomerAddressesClientOptions options = Options();
        change?.Invoke(options);
        return Build(options);
    }

    /// <summary>Answers successive requests to one route with successive responses; the last one repeats.</summary>
    private void Sequence(string method, string path, params IResponseBuilder[] responses)
    {
        for (int i = 0; i < responses.Length; i++)
        {
            var mapping = Api.Server.Given(Request.Create().WithPath(path).UsingMethod(method)).InScenario(path);
            mapping = i == 0 ? mapping : mapping.WhenStateIs($"after-{i}");
            if (i < responses.Length - 1)
            {
                mapping = mapping.WillSetStateTo($"after-{i + 1}");
            }

            mapping.RespondWith(responses[i]);
        }
    }

    private static IResponseBuilder Status(int status, string body = "{}", string contentType = "application/json") =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body);

    private static IResponseBuilder ListOk() => Status(200, ListBodies.Cursor([1, 2], false, null));

    private static readonly CreateCustomerRequest s_customer = new() { Name = "Ann", Email = "ann@example.com" };

    private Task<List<Address>> List(CustomerAddressesClient client) =>
        client.Addresses.ListAsync(Ids.PaddleCustomer).ToListAsync().AsTask();

    [Fact]
    public async Task A_read_succeeds_after_two_503s_in_three_attempts_with_one_client_request_id()
    {
        Sequence("GET", ListPath, Status(503), Status(503), ListOk());
        using CustomerAddressesClient client = Client();

        List<Address> addresses = await _clock.RunAsync(List(client));

        Assert.Equal(2, addresses.Count);
        Assert.Equal(3, Api.Requests.Count);
        Assert.Equal(2, _clock.Advanced.Count); // two backoff waits, both on the fake clock
        string? id = RequestAssert.Header(Api.Requests[0], "X-Client-Request-Id");
        Assert.True(Guid.TryParse(id, out _));
        Assert.All(Api.Requests, r => Assert.Equal(id, RequestAssert.Header(r, "X-Client-Request-Id")));
        Assert.All(Api.Requests, r => Assert.Equal("Bearer " + FakeApi.ApiKey, RequestAssert.Header(r, "Authorization")));
    }

    [Fact]
    public async Task Each_call_gets_its_own_client_request_id()
    {
        Api.Reply("GET", ListPath, 200, ListBodies.Cursor([1], false, null));
        using CustomerAddressesClient client = Client();

        await List(client);
        await List(client);

        Assert.NotEqual(RequestAssert.Header(Api.Requests[0], "X-Client-Request-Id"), RequestAssert.Header(Api.Requests[1], "X-Client-Request-Id"));
    }

    [Fact]
    public async Task A_CDN_522_HTML_page_is_retried()
    {
        Sequence("GET", ListPath, Status(522, "<html><body>Connection timed out</body></html>", "text/html"), ListOk());
        using CustomerAddressesClient client = Client();

        await _clock.RunAsync(List(client));

        Assert.Equal(2, Api.Requests.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(501)]
    public async Task A_permanent_failure_is_not_retried(int status)
    {
        Api.Reply("GET", ListPath, status, "{}");
        using CustomerAddressesClient client = Client();

        await Assert.ThrowsAnyAsync<CustomerAddressesApiException>(() => _clock.RunAsync(List(client)));

        Assert.Single(Api.Requests);
        Assert.Empty(_clock.Advanced);
    }

    [Fact]
    public async Task Four_503s_with_three_retries_end_in_a_server_error_after_exactly_four_attempts()
    {
        Api.Reply("GET", ListPath, 503, """{"error":{"type":"api_error","code":"service_unavailable","detail":"down"}}""");
        using CustomerAddressesClient client = Client(o => o.Retry.MaxRetries = 3);

        var error = await Assert.ThrowsAsync<ServerErrorException>(() => _clock.RunAsync(List(client)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(4, Api.Requests.Count);
        Assert.Equal(3, _clock.Advanced.Count);
    }

    [Fact]
    public async Task Backoff_grows_and_stays_within_the_maximum_delay()
    {
        Api.Reply("GET", ListPath, 503, "{}");
        using CustomerAddressesClient client = Client(o =>
        {
            o.Retry.MaxRetries = 6;
            o.Retry.BaseDelay = TimeSpan.FromSeconds(1);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        });

        await Assert.ThrowsAsync<ServerErrorException>(() => _clock.RunAsync(List(client)));

        Assert.Equal(6, _clock.Advanced.Count);
        Assert.All(_clock.Advanced, wait => Assert.InRange(wait, TimeSpan.Zero, TimeSpan.FromSeconds(5)));
        Assert.True(_clock.Advanced[^1] > _clock.Advanced[0], $"backoff should grow: {string.Join(", ", _clock.Advanced)}");
    }

    [Fact]
    public async Task A_create_that_gets_a_500_is_sent_exactly_once()
    {
        Api.Reply("POST", CreatePath, 500, "{}");
        using CustomerAddressesClient client = Client();

        await Assert.ThrowsAsync<ServerErrorException>(() => _clock.RunAsync(client.Customers.CreateAsync(s_customer)));

        Assert.Single(Api.Requests);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(408)]
    [InlineData(522)]
    public async Task A_create_is_never_repeated_after_a_5xx_or_408(int status)
    {
        Api.Reply("POST", CreatePath, status, "{}");
        using CustomerAddressesClient client = Client();

        await Assert.ThrowsAnyAsync<CustomerAddressesApiException>(() => _clock.RunAsync(client.Customers.CreateAsync(s_customer)));

        Assert.Single(Api.Requests);
    }

    [Fact]
    public async Task A_create_refused_with_429_is_sent_again_with_the_identical_body()
    {
        Sequence("POST", CreatePath, Status(429), Status(201, Fixture.Text("003-create-customer.response.json")));
        using CustomerAddressesClient client = Client();

        Customer customer = await _clock.RunAsync(client.Customers.CreateAsync(s_customer with { CustomData = new() { ["n"] = 1 } }));

        Assert.Equal("cus_01h3vjs3b16yc3f9q8q9pfrb80", customer.Id.Value);
        Assert.Equal(2, Api.Requests.Count);
        Assert.Equal(Api.Requests[0].RequestMessage!.Body, Api.Requests[1].RequestMessage!.Body);
        Assert.Contains("\"custom_data\":{\"n\":1}", Api.Requests[1].RequestMessage!.Body, StringComparison.Ordinal);
        Assert.Equal(RequestAssert.Header(Api.Requests[0], "X-Client-Request-Id"), RequestAssert.Header(Api.Requests[1], "X-Client-Request-Id"));

        // Both attempts carry the body's length, not a chunked body: the body is serialized once, to bytes.
        string length = System.Text.Encoding.UTF8.GetByteCount(Api.Requests[0].RequestMessage!.Body!).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(Api.Requests, r => Assert.Equal(length, RequestAssert.Header(r, "Content-Length")));
        Assert.All(Api.Requests, r => Assert.Null(RequestAssert.Header(r, "Transfer-Encoding")));
    }

    [Fact]
    public async Task A_create_may_be_opted_into_full_retries()
    {
        Sequence("POST", CreatePath, Status(500), Status(201, Fixture.Text("003-create-customer.response.json")));
        using CustomerAddressesClient client = Client(o => o.Retry.RetryUnsafeRequests = true);

        await _clock.RunAsync(client.Customers.CreateAsync(s_customer));

        Assert.Equal(2, Api.Requests.Count);
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_waited_for_on_the_clock()
    {
        Sequence("GET", ListPath, Status(429).WithHeader("Retry-After", "2"), ListOk());
        using CustomerAddressesClient client = Client();

        await _clock.RunAsync(List(client));

        Assert.Equal([TimeSpan.FromSeconds(2)], _clock.Advanced);
        Assert.Equal(2, Api.Requests.Count);
    }

    [Fact]
    public async Task Retry_after_as_an_HTTP_date_is_waited_for_on_the_clock()
    {
        string date = _clock.GetUtcNow().AddSeconds(7).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        Sequence("POST", CreatePath, Status(429).WithHeader("Retry-After", date), Status(201, Fixture.Text("003-create-customer.response.json")));
        using CustomerAddressesClient client = Client();

        await _clock.RunAsync(client.Customers.CreateAsync(s_customer));

        Assert.Equal([TimeSpan.FromSeconds(7)], _clock.Advanced);
        Assert.Equal(2, Api.Requests.Count);
    }

    [Fact]
    public async Task A_retry_after_beyond_the_cap_fails_fast_and_says_how_long()
    {
        Api.Reply("GET", ListPath, 429, """{"error":{"type":"request_error","code":"too_many_requests","detail":"slow down"}}""", ("Retry-After", "3600"));
        using CustomerAddressesClient client = Client();

        var error = await Assert.ThrowsAsync<RateLimitedException>(() => _clock.RunAsync(List(client)));

        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Single(Api.Requests);
        Assert.Empty(_clock.Advanced);
    }

    [Fact]
    public async Task Cancellation_during_a_backoff_wait_ends_the_call_at_once()
    {
        Api.Reply("GET", ListPath, 503, "{}", ("Retry-After", "30"));
        using CustomerAddressesClient client = Client();
        using var cts = new CancellationTokenSource();

        Task<List<Address>> call = client.Addresses.ListAsync(Ids.PaddleCustomer, cancellationToken: cts.Token).ToListAsync().AsTask();
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Single(Api.Requests);
    }

    [Fact]
    public async Task A_create_whose_attempt_times_out_is_not_repeated_and_surfaces_as_a_TimeoutException()
    {
        var stub = new StubHandler((_, ct) => StubHandler.Hang(ct));
        using CustomerAddressesClient client = Build(Options(), stub);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => _clock.RunAsync(client.Customers.CreateAsync(s_customer), due => due == s_attemptTimeout));

        Assert.Single(stub.Attempts);
        Assert.Contains("POST customers", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task A_read_whose_attempt_times_out_is_tried_again()
    {
        var stub = new StubHandler((attempt, ct) => attempt == 1 ? StubHandler.Hang(ct) : StubHandler.Status(200, ListBodies.Cursor([1], false, null)));
        using CustomerAddressesClient client = Build(Options(), stub);

        List<Address> addresses = await _clock.RunAsync(List(client), due => due <= s_attemptTimeout);

        Assert.Single(addresses);
        Assert.Equal(2, stub.Attempts.Count);
    }

    [Fact]
    public async Task The_total_timeout_ends_a_call_whose_backoff_waits_outlast_it()
    {
        var stub = new StubHandler((_, _) => StubHandler.Status(503));
        CustomerAddressesClientOptions options = Options();
        options.Retry.MaxRetries = 10;
        options.Timeouts.Total = TimeSpan.FromSeconds(3);
        using CustomerAddressesClient client = Build(options, stub);

        // Only the backoff waits move the clock; the 3 s total timeout fires once their sum passes it.
        var error = await Assert.ThrowsAsync<TimeoutException>(() => _clock.RunAsync(List(client), due => due < TimeSpan.FromSeconds(3)));

        Assert.InRange(stub.Attempts.Count, 2, 10);
        Assert.Contains("total timeout 3 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_is_retried_when_the_connection_could_not_be_opened()
    {
        var stub = new StubHandler((attempt, _) => attempt == 1
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused")
            : StubHandler.Status(201, Fixture.Text("003-create-customer.response.json")));
        using CustomerAddressesClient client = Build(Options(), stub);

        await _clock.RunAsync(client.Customers.CreateAsync(s_customer));

        Assert.Equal(2, stub.Attempts.Count);
        Assert.Equal(stub.Attempts[0].Body, stub.Attempts[1].Body);
    }

    [Theory]
    [InlineData(HttpRequestError.ResponseEnded)]
    [InlineData(HttpRequestError.Unknown)]
    [InlineData(HttpRequestError.InvalidResponse)]
    public async Task A_create_is_not_repeated_when_the_connection_broke_mid_exchange(HttpRequestError error)
    {
        var stub = new StubHandler((_, _) => throw new HttpRequestException(error, "The response ended prematurely."));
        using CustomerAddressesClient client = Build(Options(), stub);

        var thrown = await Assert.ThrowsAsync<HttpRequestException>(() => _clock.RunAsync(client.Customers.CreateAsync(s_customer)));

        Assert.Equal(error, thrown.HttpRequestError);
        Assert.Single(stub.Attempts);
    }

    [Fact]
    public async Task A_read_is_retried_when_the_connection_broke_mid_exchange()
    {
        var stub = new StubHandler((attempt, _) => attempt == 1
            ? throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.")
            : StubHandler.Status(200, ListBodies.Cursor([1], false, null)));
        using CustomerAddressesClient client = Build(Options(), stub);

        await _clock.RunAsync(List(client));

        Assert.Equal(2, stub.Attempts.Count);
    }

    [Fact]
    public async Task A_read_whose_body_breaks_off_halfway_is_tried_again()
    {
        string body = ListBodies.Cursor([1, 2, 3], false, null);
        var stub = new StubHandler((attempt, _) => attempt == 1 ? StubHandler.BodyCutOff(body) : StubHandler.Status(200, body));
        using CustomerAddressesClient client = Build(Options(), stub);

        List<Address> addresses = await _clock.RunAsync(List(client));

        Assert.Equal(3, addresses.Count);
        Assert.Equal(2, stub.Attempts.Count);
    }

    [Fact]
    public async Task A_create_whose_body_breaks_off_halfway_is_not_repeated()
    {
        var stub = new StubHandler((_, _) => StubHandler.BodyCutOff(Fixture.Text("003-create-customer.response.json")));
        using CustomerAddressesClient client = Build(Options(), stub);

        await Assert.ThrowsAsync<HttpRequestException>(() => _clock.RunAsync(client.Customers.CreateAsync(s_customer)));

        Assert.Single(stub.Attempts);
    }

    [Fact]
    public async Task Every_retry_is_logged_with_method_route_outcome_attempt_and_delay_but_no_secret()
    {
        Sequence("GET", ListPath, Status(503), Status(429).WithHeader("Retry-After", "1"), ListOk());
        using CustomerAddressesClient client = Client();

        await _clock.RunAsync(client.Addresses.ListAsync(Ids.PaddleCustomer, new ListAddressesOptions { Search = "secret street" }).ToListAsync().AsTask());

        var retries = _logs.GetSnapshot().Where(r => r.Id.Id == 1).ToList();
        Assert.Equal(2, retries.Count);
        Assert.All(retries, r => Assert.Equal(LogLevel.Warning, r.Level));
        Assert.StartsWith("Retrying GET customers/{customer_id}/addresses after status 503: attempt 2 of 4 in ", retries[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("Retrying GET customers/{customer_id}/addresses after status 429: attempt 3 of 4 in 1000 ms", retries[1].Message, StringComparison.Ordinal);
        string everything = string.Join("\n", _logs.GetSnapshot().Select(r => r.Message + " " + string.Join(",", r.StructuredState ?? [])));
        Assert.DoesNotContain(FakeApi.ApiKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeApi.SessionToken, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("secret street", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("ctm_01hv6y1jedq4p1n0yqn5ba3ky4", everything, StringComparison.Ordinal);
    }
}

/// <summary><see cref="ResilienceTests"/> on a client built with the public constructor.</summary>
public sealed class StandaloneResilienceTests : ResilienceTests
{
    private protected override CustomerAddressesClient Build(CustomerAddressesClientOptions options, HttpMessageHandler? primaryHandler = null) =>
        TestClients.Create(options, primaryHandler);
}

/// <summary><see cref="ResilienceTests"/> on the client a host resolves after <c>AddCustomerAddressesClient</c>.</summary>
public sealed class DependencyInjectionResilienceTests : ResilienceTests
{
    private protected override CustomerAddressesClient Build(CustomerAddressesClientOptions options, HttpMessageHandler? primaryHandler = null) =>
        ServiceProviderClient.Create(options, primaryHandler);
}
