using System.Net;
using System.Text.Json.Nodes;
using CustomerAddresses.Client.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary>
/// Inputs and answers that used to end in an exception the README does not document (OverflowException, a raw
/// JsonException, an ArgumentException without a parameter, a TimeoutException hiding a Retry-After, a cursor refused
/// when passed back) end in the documented ones.
/// </summary>
public sealed class DocumentedExceptionTests : IDisposable
{
    private readonly WireMockServer _api = WireMockServer.Start();

    public void Dispose() => _api.Stop();

    private CustomerAddressesClient Client(Action<CustomerAddressesClientOptions>? change = null) =>
        TestClients.Create(new Uri(_api.Url!), o =>
        {
            o.Retry.MaxRetries = 0;
            change?.Invoke(o);
        });

    public static TheoryData<string, JsonObject> UnwritableCustomData => new()
    {
        { "nested 65 deep", DeepJson.Object(65) },
        { "nested 10,000 deep", DeepJson.Object(10_000) },
        { "NaN", new JsonObject { ["x"] = double.NaN } },
        { "infinity in an array", new JsonObject { ["x"] = new JsonArray(1, double.PositiveInfinity) } },
        { "float negative infinity deep down", new JsonObject { ["a"] = new JsonObject { ["b"] = float.NegativeInfinity } } },
    };

    [Theory]
    [MemberData(nameof(UnwritableCustomData))]
    public async Task Custom_data_the_serializer_cannot_write_is_an_ArgumentException_naming_it(string what, JsonObject data)
    {
        using CustomerAddressesClient client = Client();

        var customer = await Assert.ThrowsAsync<ArgumentException>(() => client.Customers.CreateAsync(new CreateCustomerRequest { Name = "A", Email = "a@b.c", CustomData = data }));
        var address = await Assert.ThrowsAsync<ArgumentException>(() => client.Addresses.CreateAsync(CustomerId.Parse("ctm_1"), new CreateAddressRequest { Region = "R", City = "C", Country = "US", CustomData = data }));

        Assert.True(customer.ParamName == "request.CustomData" && address.ParamName == "request.CustomData", $"{what}: {customer.ParamName}, {address.ParamName}");
        Assert.Empty(_api.LogEntries);
    }

    [Fact]
    public async Task Custom_data_as_deep_as_the_serializer_writes_is_sent()
    {
        _api.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(201).WithBody("""{"id":"ctm_1","email":"a@b.c"}"""));
        using CustomerAddressesClient client = Client();

        Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Name = "A", Email = "a@b.c", CustomData = DeepJson.Object(63) });

        Assert.Equal("ctm_1", customer.Id.Value);
    }

    [Theory]
    [InlineData(120)]
    [InlineData(61)]
    public async Task A_Retry_After_past_the_remaining_total_timeout_is_a_RateLimitedException_at_once(int seconds)
    {
        _api.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", $"{seconds}").WithBody("{}"));
        var clock = new FakeTimeProvider();
        using CustomerAddressesClient client = Client(o =>
        {
            o.Retry.MaxRetries = 3;
            o.Retry.MaxRetryAfter = TimeSpan.FromMinutes(5);
            o.Timeouts.Total = TimeSpan.FromSeconds(60);
            o.TimeProvider = clock; // never advanced: the call must not wait
        });

        var e = await Assert.ThrowsAsync<RateLimitedException>(async () => await client.Addresses.ListAsync(CustomerId.Parse("ctm_1")).ToListAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(TimeSpan.FromSeconds(seconds), e.RetryAfter);
        Assert.Single(_api.LogEntries);
    }

    [Theory]
    [InlineData("a+b")]
    [InlineData("a%20b")]
    [InlineData("a b/c?d=e&f")]
    [InlineData(null)] // over 1,024 characters
    public async Task Any_cursor_the_server_hands_out_resumes_when_passed_back(string? cursor)
    {
        cursor ??= new string('c', 3000);
        string next = $"{_api.Url}/customers/ctm_1/addresses?after={Uri.EscapeDataString(cursor)}";
        _api.Given(Request.Create().WithPath("/customers/ctm_1/addresses").UsingGet()).AtPriority(10)
            .RespondWith(Response.Create().WithBody("""{"data":[{"id":"add_1"}],"meta":{"pagination":{"has_more":true,"next":""" + System.Text.Json.JsonSerializer.Serialize(next) + "}}}"));
        _api.Given(Request.Create().WithPath("/customers/ctm_1/addresses").WithParam("after", cursor).UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithBody("""{"data":[{"id":"add_2"}],"meta":{"pagination":{"has_more":false}}}"""));
        using CustomerAddressesClient client = Client();
        AsyncPageable<Address> listing = client.Addresses.ListAsync(CustomerId.Parse("ctm_1"));
        Page<Address> first = await listing.AsPages().FirstAsync();

        List<Page<Address>> rest = await listing.AsPages(first.ContinuationToken).ToListAsync();

        Assert.Equal("add_2", Assert.Single(Assert.Single(rest).Items).Id.Value);
    }

    [Theory]
    [InlineData(int.MaxValue - 1)]
    [InlineData(int.MaxValue)]
    [InlineData(-5)]
    public async Task An_offset_that_cannot_be_continued_is_an_unexpected_response_not_an_overflow(int offset)
    {
        _api.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithBody(
            $$"""{"customer_id":"ctm_1","addresses":[{"id":"add_1"},{"id":"add_2"}],"limit":2,"offset":{{offset}}}"""));
        using CustomerAddressesClient client = Client();

        await Assert.ThrowsAsync<UnexpectedResponseException>(async () => await client.Addresses.ListAsync(CustomerId.Parse("ctm_1")).ToListAsync());
    }
}
