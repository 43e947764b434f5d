using System.Net;
using CustomerAddresses.Client.RateLimiting;
using System.Threading.RateLimiting;
using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CustomerAddresses.Client.Tests.RateLimiting;

/// <summary>
/// <see cref="CustomerAddressesRateLimitOptions.RequestsPerMinute"/>: every attempt takes its turn, evenly spaced at 98% of
/// the limit, first come first served, shared by concurrent callers, on the client's clock.
/// </summary>
public sealed class RequestRateLimitTests
{
    [Fact]
    public async Task Concurrent_callers_get_permits_one_interval_apart_in_arrival_order()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pacer = new RequestPacer(CustomerAddressesRateLimitOptions.PaddleRequestsPerMinute, clock);
        var granted = new System.Collections.Concurrent.ConcurrentQueue<(int Caller, TimeSpan At)>();

        Task[] callers = [.. Enumerable.Range(0, 12).Select(async i =>
        {
            using var lease = await pacer.AcquireAsync();
            granted.Enqueue((i, clock.GetUtcNow() - DateTimeOffset.UnixEpoch));
        })];
        await WaitUntil(() => granted.Count == 1 && pacer.Waiting == 11);
        for (int step = 2; step <= 12; step++)
        {
            clock.Advance(pacer.Interval); // one turn comes: exactly one caller goes, and says when before the next
            await WaitUntil(() => granted.Count == step);
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
            o.RateLimit.RequestsPerMinute = 60;
        });

        Task[] calls = [.. Enumerable.Range(0, 3).Select(_ => limited.Customers.GetAsync(CustomerId.Parse("ctm_01hv6y1jedq4p1n0yqn5ba3ky4")))];
        while (sent.Count < 3)
        {
            // Time moves only while every call not yet sent waits for its turn: none is between its turn and the wire.
            await WaitUntil(() => PacerOf(limited).Waiting == 3 - sent.Count);
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        await Task.WhenAll(calls);
        TimeSpan[] times = [.. sent.Order()];
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(1) && times[2] - times[1] >= TimeSpan.FromSeconds(1), string.Join(", ", times));
    }

    [Fact]
    public async Task Waiters_that_leave_give_their_turns_back_at_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var pacer = new RequestPacer(60, clock);
        using RateLimitLease first = pacer.AttemptAcquire();
        using var leave = new CancellationTokenSource();
        Task<RateLimitLease>[] leaving = [.. Enumerable.Range(0, 20).Select(_ => pacer.AcquireAsync(1, leave.Token).AsTask())];
        Assert.Equal(20, pacer.Waiting);

        await leave.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.WhenAll(leaving));
        Assert.Equal(0, pacer.Waiting);
        Task<RateLimitLease> next = pacer.AcquireAsync().AsTask();
        clock.Advance(pacer.Interval - TimeSpan.FromTicks(1));
        Assert.False(next.IsCompleted); // still one interval after the first permit, not earlier
        clock.Advance(TimeSpan.FromTicks(1));

        using RateLimitLease lease = await next.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(first.IsAcquired && lease.IsAcquired);
        Assert.All(leaving, t => Assert.True(t.IsCanceled));
    }

    [Fact]
    public async Task Hundreds_of_callers_that_come_and_go_concurrently_leave_no_turn_behind()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var pacer = new RequestPacer(600, clock);
        using RateLimitLease first = pacer.AttemptAcquire();
        var granted = new System.Collections.Concurrent.ConcurrentBag<int>();

        // 400 callers on the thread pool at once; every other one gives up while it waits.
        using var leave = new CancellationTokenSource();
        Task[] callers = [.. Enumerable.Range(0, 400).Select(i => Task.Run(async () =>
        {
            try
            {
                using RateLimitLease lease = await pacer.AcquireAsync(1, i % 2 == 0 ? leave.Token : CancellationToken.None);
                granted.Add(i);
            }
            catch (OperationCanceledException)
            {
            }
        }))];
        while (pacer.Waiting < 400)
        {
            await Task.Delay(1);
        }

        await leave.CancelAsync();
        while (pacer.Waiting > 200)
        {
            await Task.Delay(1);
        }

        // The 200 that stayed get exactly the next 200 turns: one an interval, none lost to those who left.
        for (int turn = 1; turn <= 200; turn++)
        {
            clock.Advance(pacer.Interval);
        }

        await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(200, granted.Count);
        Assert.All(granted, i => Assert.Equal(1, i % 2));
        Assert.Equal(0, pacer.Waiting);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Calls_that_give_up_waiting_for_their_turn_leave_the_next_call_one_interval_after_the_last_request(bool dependencyInjection)
    {
        var clock = new TestClock();
        DateTimeOffset start = clock.GetUtcNow();
        var sent = new System.Collections.Concurrent.ConcurrentQueue<TimeSpan>();
        var handler = new Answer(() => sent.Enqueue(clock.GetUtcNow() - start));
        CustomerAddressesClientOptions options = TestClients.Options(new Uri("http://127.0.0.1:9/"), o =>
        {
            o.Dialect = ApiDialect.PaddleBilling;
            o.TimeProvider = clock;
            o.RateLimit.RequestsPerMinute = 60;
            o.Timeouts.Total = TimeSpan.FromMilliseconds(500);
        });
        using CustomerAddressesClient client = dependencyInjection ? ServiceProviderClient.Create(options, handler) : TestClients.Create(options, handler);
        var id = CustomerId.Parse("ctm_01hv6y1jedq4p1n0yqn5ba3ky4");
        var patient = new RequestOptions { Timeout = TimeSpan.FromSeconds(30) };
        await client.Customers.GetAsync(id); // takes the first turn

        // 20 callers wait for the next turn and give up: 7 are cancelled, 7 reach their own timeout, 6 the client's.
        using var cancel = new CancellationTokenSource();
        Task[] cancelled = [.. Enumerable.Range(0, 7).Select(_ => client.Customers.GetAsync(id, patient, cancel.Token))];
        Task[] ownTimeout = [.. Enumerable.Range(0, 7).Select(_ => client.Customers.GetAsync(id, new RequestOptions { Timeout = TimeSpan.FromMilliseconds(300) }))];
        Task[] clientTimeout = [.. Enumerable.Range(0, 6).Select(_ => client.Customers.GetAsync(id))];
        await WaitUntil(() => PacerOf(client).Waiting == 20);
        clock.Advance(TimeSpan.FromMilliseconds(200));
        await cancel.CancelAsync();
        clock.Advance(TimeSpan.FromMilliseconds(400));
        foreach (Task call in cancelled)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        }

        foreach (Task call in ownTimeout.Concat(clientTimeout))
        {
            await Assert.ThrowsAsync<TimeoutException>(() => call);
        }

        Task<ApiResponse<Customer>> next = client.Customers.GetAsync(id, patient);
        await WaitUntil(() => PacerOf(client).Waiting == 1);
        clock.Advance(PacerOf(client).Interval - TimeSpan.FromMilliseconds(600));
        await next.WaitAsync(TimeSpan.FromSeconds(10));

        // Sent the moment the turn after the first came (one interval, about 1,020 ms), and nothing for the 20 that left.
        Assert.Equal([TimeSpan.Zero, PacerOf(client).Interval], sent);
        Assert.Equal(0, PacerOf(client).Waiting);
    }

    private static RequestPacer PacerOf(CustomerAddressesClient client) =>
        (RequestPacer)(client is ServiceProviderClient di ? di.Settings : client.Settings)!.Limiter!;

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; !condition(); i++)
        {
            Assert.True(i < 10_000, "the condition was not reached in 10 s");
            await Task.Delay(1);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(60_001)]
    public void A_limit_out_of_range_is_refused_when_the_client_is_built(int perMinute)
    {
        var e = Assert.Throws<ArgumentException>(() => TestClients.Create(new Uri("https://api.example.com/"), o => o.RateLimit.RequestsPerMinute = perMinute));

        Assert.Contains("RateLimit.RequestsPerMinute must be from 1 to 60000", e.Message, StringComparison.Ordinal);
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
