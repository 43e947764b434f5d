using System.Collections.Concurrent;
using System.Net;
using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.Diagnostics;

/// <summary>The client's statistics, read by progress lines: each attempt, each retry and each 429, counted across concurrent callers.</summary>
public sealed class StatisticsTests
{
    /// <summary>Fails the first attempt of every call (a 429 for every other call, else a 503) and answers the second.</summary>
    private sealed class FirstAttemptFails(string body) : HttpMessageHandler
    {
        private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
        private int _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string id = request.Headers.GetValues("X-Client-Request-Id").Single();
            bool first = _attempts.AddOrUpdate(id, 1, (_, n) => n + 1) == 1;
            HttpStatusCode status = !first ? HttpStatusCode.OK : Interlocked.Increment(ref _calls) % 2 == 0 ? HttpStatusCode.TooManyRequests : HttpStatusCode.ServiceUnavailable;
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(first ? "{}" : body, System.Text.Encoding.UTF8, "application/json"), RequestMessage = request });
        }
    }

    [Fact]
    public async Task Requests_retries_and_429s_are_counted_for_every_caller_at_once()
    {
        using CustomerAddressesClient client = TestClients.Create(
            new Uri("https://sandbox-api.paddle.com/"),
            new FirstAttemptFails(Fixture.Text("paddle/openapi.customers.get.200.json")),
            o =>
            {
                o.Retry.BaseDelay = TimeSpan.Zero;
                o.Retry.MaxDelay = TimeSpan.FromMilliseconds(1);
            });

        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => client.Customers.GetAsync(Ids.PaddleCustomer)));

        CustomerAddressesClientStatistics statistics = client.Statistics;
        Assert.Equal((64L, 32L, 16L), (statistics.Requests, statistics.Retries, statistics.RateLimited));
        Assert.Equal("{ Requests = 64, Retries = 32, RateLimited = 16 }", statistics.ToString());
    }
}
