using System.Net;
using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Protocol;
using CustomerAddresses.Client.Resilience;
using CustomerAddresses.Client.Transport;
using Polly;
using Polly.Timeout;

namespace CustomerAddresses.Client.Tests.Resilience;

/// <summary>Which outcomes are tried again, decided without HTTP: reads on every transient failure, writes only when they cannot have taken effect.</summary>
public sealed class RetryRulesTests
{
    private static readonly ClientSettings s_settings = ClientSettings.From(new CustomerAddressesClientOptions { BaseAddress = new Uri("https://api.example.com/") });
    private static readonly ClientSettings s_unsafe = ClientSettings.From(new CustomerAddressesClientOptions { BaseAddress = new Uri("https://api.example.com/"), Retry = { RetryUnsafeRequests = true } });

    private static HttpRequestMessage Request(HttpMethod method, bool? idempotent = null)
    {
        var request = new HttpRequestMessage(method, "https://api.example.com/customers");
        request.Options.Set(CallContext.OptionKey, CallContext.Of(new OperationInfo("test", "Test", method, "customers", idempotent)));
        return request;
    }

    private static bool Retries(HttpMethod method, Outcome<HttpResponseMessage> outcome, ClientSettings? settings = null, bool? idempotent = null) =>
        RetryRules.ShouldRetry(outcome, Request(method, idempotent), settings ?? s_settings);

    private static Outcome<HttpResponseMessage> Status(int status) => Outcome.FromResult(new HttpResponseMessage((HttpStatusCode)status));

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(520)]
    [InlineData(524)]
    public void A_read_is_retried_on_every_transient_status(int status) => Assert.True(Retries(HttpMethod.Get, Status(status)));

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(501)]
    [InlineData(525)]
    public void A_permanent_status_is_never_retried(int status)
    {
        Assert.False(Retries(HttpMethod.Get, Status(status)));
        Assert.False(Retries(HttpMethod.Post, Status(status), s_unsafe));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(408)]
    public void A_write_is_not_retried_after_a_failure_that_may_have_taken_effect(int status)
    {
        Assert.False(Retries(HttpMethod.Post, Status(status)));
        Assert.False(Retries(HttpMethod.Patch, Status(status)));
        Assert.True(Retries(HttpMethod.Post, Status(status), s_unsafe));
    }

    [Fact]
    public void A_write_is_retried_when_it_certainly_did_not_take_effect()
    {
        Assert.True(Retries(HttpMethod.Post, Status(429)));
        Assert.True(Retries(HttpMethod.Post, Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError))));
        Assert.False(Retries(HttpMethod.Post, Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ResponseEnded))));
        Assert.False(Retries(HttpMethod.Post, Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException())));
    }

    [Fact]
    public void The_operations_declaration_decides_over_its_method()
    {
        Assert.True(Retries(HttpMethod.Post, Status(503), idempotent: true));
        Assert.False(Retries(HttpMethod.Get, Status(503), idempotent: false));
    }

    [Fact]
    public void A_body_over_the_limit_is_never_fetched_again()
    {
        Assert.False(Retries(HttpMethod.Get, Outcome.FromException<HttpResponseMessage>(new ResponseTooLargeException(1024))));
    }

    [Fact]
    public void A_retry_after_beyond_the_cap_is_not_waited_for()
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMinutes(5));

        Assert.False(RetryRules.ShouldRetry(Outcome.FromResult(response), Request(HttpMethod.Get), s_settings));
    }
}
