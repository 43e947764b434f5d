using System.Net;
using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace CustomerAddresses.Client.Tests.Configuration;

/// <summary>
/// <see cref="CustomerAddressesClientOptions.RequestsPerMinute"/>: every attempt takes its turn, evenly spaced at 98% of
/// the limit, first come first served, shared by concurrent callers, on the client's clock.
/// </summary>
public sealed class RequestRateLimitTests
{
    [Fact]
    public async Task Concurrent_callers_get_permits_one_interval_apart_in_arrival_order()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pacer = new RequestPacer(CustomerAddressesClientOptions.PaddleRequestsPerMinute, clock);
        var granted = new System.Collections.Concurrent.ConcurrentQueue<(int Caller, TimeSpan At)>();

        Task[] callers = [.. Enumerable.Range(0, 12).Select(async i =>
        {
            using var lease = await pacer.AcquireAsync();
            granted.Enqueue((i, clock.GetUtcNow() - DateTimeOffset.UnixEpoch));
        })];
        for (int step = 0; step < 12 && granted.Count < 12; step++)
        {
            await Task.Yield();
            clock.Advance(pacer.Interval);
        }

        await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(10));
        TimeSpan[] times = [.. granted.Select(g => g.At).Order()];
        Assert.Equal(TimeSpan.FromMinutes(1) / (240 * 0.98), pacer.Interval);
        Assert.Equal(12, times.Length);
        Assert.Equal(TimeSpan.Zero, times[0]); // the first goes at once
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= pacer.Interval - TimeSpan.FromTicks(1), $"{pair.First} then {pair.Second}"));
        Assert.True(times[^1] <= pacer.Interval * 11 + TimeSpan.FromTicks(11), $"the last at {times[^1]}: no permit is wasted");
    }

    [Fact]
    public void A_free_slot_is_taken_at_once_and_a_busy_one_refused_without_waiting()
    {
        var clock = new FakeTimeProvider();
        var pacer = new RequestPacer(60, clock);

        using var first = pacer.AttemptAcquire();
        using var second = pacer.AttemptAcquire();
        clock.Advance(pacer.Interval);
        using var third = pacer.AttemptAcquire();

        Assert.Equal((true, false, true), (first.IsAcquired, second.IsAcquired, third.IsAcquired));
    }

    [Fact]
    public async Task A_client_with_a_limit_spaces_its_requests_and_without_one_does_not()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var sent = new System.Collections.Concurrent.ConcurrentBag<TimeSpan>();
        var handler = new Answer(() => sent.Add(clock.GetUtcNow() - DateTimeOffset.UnixEpoch));
        using CustomerAddressesClient limited = TestClients.Create(new Uri("http://127.0.0.1:9/"), handler, o =>
        {
            o.Dialect = ApiDialect.PaddleBilling;
            o.TimeProvider = clock;
            o.RequestsPerMinute = 60;
        });

        Task[] calls = [.. Enumerable.Range(0, 3).Select(_ => limited.Customers.GetAsync(CustomerId.Parse("ctm_01hv6y1jedq4p1n0yqn5ba3ky4")))];
        while (sent.Count < 3)
        {
            await Task.Delay(1);
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        await Task.WhenAll(calls);
        TimeSpan[] times = [.. sent.Order()];
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(1) && times[2] - times[1] >= TimeSpan.FromSeconds(1), string.Join(", ", times));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(60_001)]
    public void A_limit_out_of_range_is_refused_when_the_client_is_built(int perMinute)
    {
        var e = Assert.Throws<ArgumentException>(() => TestClients.Create(new Uri("https://api.example.com/"), o => o.RequestsPerMinute = perMinute));

        Assert.Contains("RequestsPerMinute must be from 1 to 60000", e.Message, StringComparison.Ordinal);
    }

    private sealed class Answer(Action onSend) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onSend();
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new StringContent("""{"data":{"id":"ctm_01hv6y1jedq4p1n0yqn5ba3ky4"},"meta":{"request_id":"r"}}""", System.Text.Encoding.UTF8, "application/json"),
            });
        }
    }
}
