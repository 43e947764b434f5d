using System.Net;
using CustomerAddresses.Client.Protocol;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.Tests.Protocol;

/// <summary>The limit a server states in its headers, read as requests a minute, and what a learning client does with it.</summary>
public sealed class RateLimitHeaderTests
{
    [Theory]
    [InlineData("RateLimit-Policy", "100;w=60", null, null, 100)]
    [InlineData("RateLimit-Policy", "\"default\";q=600;w=60", null, null, 600)]
    [InlineData("RateLimit-Policy", "10;w=1, 240;w=60", null, null, 240)] // the strictest: 600 a minute or 240
    [InlineData("RateLimit-Policy", "\"burst\";q=5;w=1, \"day\";q=1000;w=86400", null, null, 1)] // 300 a minute or 0.69: at least 1
    [InlineData("X-RateLimit-Limit", "50", "X-RateLimit-Window", "10", 300)]
    [InlineData("X-RateLimit-Limit", "5000", null, null, null)] // a window it does not state is not guessed
    [InlineData("RateLimit-Policy", "w=60", null, null, null)]
    [InlineData("RateLimit-Policy", "abc;w=x", null, null, null)]
    public void A_stated_limit_is_read_as_requests_a_minute(string name, string value, string? name2, string? value2, int? expected)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation(name, value);
        if (name2 is not null)
        {
            response.Headers.TryAddWithoutValidation(name2, value2);
        }

        Assert.Equal(expected, ResponseHeaders.StatedRequestsPerMinute(response));
    }

    [Fact]
    public async Task A_learning_client_paces_at_the_limit_its_first_429_states()
    {
        int calls = 0;
        var handler = new Support.StubHandler((_, _) =>
        {
            var response = new HttpResponseMessage(Interlocked.Increment(ref calls) == 1 ? HttpStatusCode.TooManyRequests : HttpStatusCode.OK)
            {
                Content = new StringContent(calls == 1 ? "{}" : Support.Fixture.Text("paddle/openapi.customers.get.200.json"), System.Text.Encoding.UTF8, "application/json"),
            };
            response.Headers.TryAddWithoutValidation("RateLimit-Policy", "\"default\";q=300;w=60");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
            return Task.FromResult(response);
        });
        using CustomerAddressesClient client = TestClients.Create(new Uri("http://127.0.0.1:9/"), handler, o =>
        {
            o.Dialect = ApiDialect.PaddleBilling;
            o.RateLimit.LearnFromServer = true;
            o.Retry.BaseDelay = TimeSpan.Zero;
        });

        await client.Customers.GetAsync(Support.Ids.PaddleCustomer);

        Assert.Equal(300, client.Statistics.LearnedRequestsPerMinute);
        Assert.Equal(1, client.Statistics.RateLimited);
    }
}
