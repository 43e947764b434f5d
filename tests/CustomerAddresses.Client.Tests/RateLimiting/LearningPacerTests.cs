using System.Threading.RateLimiting;
using CustomerAddresses.Client.Diagnostics;
using CustomerAddresses.Client.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace CustomerAddresses.Client.Tests.RateLimiting;

/// <summary>
/// A client that learns its limit from the server (<c>RateLimit.LearnFromServer</c>) bursts only until the first 429:
/// then it sends nothing until the <c>Retry-After</c> has passed, and paces at the rate the server showed, on a fake clock.
/// </summary>
public sealed class LearningPacerTests
{
    [Fact]
    public async Task After_the_first_429_it_waits_the_Retry_After_then_paces_at_the_rate_the_server_accepted()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var counters = new ClientCounters();
        using var pacer = new LearningPacer(clock, counters);

        // Unpaced until told otherwise: 600 answers in 5 s, as a server with 600 a minute accepts them.
        for (int i = 0; i < 600; i++)
        {
            Assert.True(pacer.AttemptAcquire().IsAcquired);
            pacer.Answered(rateLimited: false, retryAfter: null);
            clock.Advance(TimeSpan.FromSeconds(5.0 / 600));
        }

        pacer.Answered(rateLimited: true, retryAfter: TimeSpan.FromSeconds(55));
        ValueTask<RateLimitLease> held = pacer.AcquireAsync();
        clock.Advance(TimeSpan.FromSeconds(54));
        bool heldAt54 = !held.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(1.5));
        await Task.Yield();
        using RateLimitLease first = await held.AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        ValueTask<RateLimitLease> next = pacer.AcquireAsync();
        bool nextAtOnce = next.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(60 / (600 * 0.98)));
        using RateLimitLease second = await next.AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(600, counters.LearnedRequestsPerMinute);
        Assert.True(heldAt54, "no permit while the 429's Retry-After lasts");
        Assert.True(first.IsAcquired && second.IsAcquired);
        Assert.False(nextAtOnce, "the next permit waits its turn at the learned rate");
    }

    [Fact]
    public void Without_a_429_it_never_waits_and_learns_nothing()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var counters = new ClientCounters();
        using var pacer = new LearningPacer(clock, counters);

        for (int i = 0; i < 1000; i++)
        {
            Assert.True(pacer.AttemptAcquire().IsAcquired);
            pacer.Answered(rateLimited: false, retryAfter: null);
        }

        Assert.Null(counters.LearnedRequestsPerMinute);
        Assert.Null(pacer.Pacer);
    }

    [Fact]
    public void A_client_with_LearnFromServer_and_no_limit_uses_it_and_one_with_a_limit_does_not()
    {
        using var learning = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = new Uri("http://127.0.0.1:9/"), RateLimit = { LearnFromServer = true } });
        using var stated = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = new Uri("http://127.0.0.1:9/"), RateLimit = { LearnFromServer = true, RequestsPerMinute = 240 } });

        Assert.IsType<LearningPacer>(learning.Settings!.Limiter);
        Assert.IsType<RequestPacer>(stated.Settings!.Limiter);
        Assert.Null(learning.Statistics.LearnedRequestsPerMinute);
    }

    [Fact]
    public void A_429_that_states_its_limit_is_paced_at_that_limit_and_kept()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var counters = new ClientCounters();
        using var pacer = new LearningPacer(clock, counters);
        for (int i = 0; i < 50; i++)
        {
            pacer.Answered(rateLimited: false, retryAfter: null);
        }

        pacer.Answered(rateLimited: true, retryAfter: TimeSpan.FromSeconds(1), statedPerMinute: 120);
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(pacer.AttemptAcquire().IsAcquired);

        Assert.Equal(120, counters.LearnedRequestsPerMinute);
        Assert.Equal(TimeSpan.FromMinutes(1) / (120 * RequestPacer.Headroom), pacer.Pacer!.Interval);
    }

    [Fact]
    public async Task A_guessed_pace_rises_by_an_eighth_after_each_minute_without_a_429_and_falls_at_the_next()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var counters = new ClientCounters();
        using var pacer = new LearningPacer(clock, counters);
        pacer.Answered(rateLimited: false, retryAfter: null);
        pacer.Answered(rateLimited: true, retryAfter: TimeSpan.Zero); // one answer, then a 429: a guess of 60 a minute
        Assert.Equal(60, counters.LearnedRequestsPerMinute);

        // Callers keep asking while the minutes pass, none answered 429: each minute the pace rises by an eighth.
        var rates = new List<int>();
        for (int minute = 0; minute < 3; minute++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            using RateLimitLease lease = await pacer.AcquireAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            rates.Add(counters.LearnedRequestsPerMinute!.Value);
        }

        for (int i = 0; i < 20; i++)
        {
            pacer.Answered(rateLimited: false, retryAfter: null);
        }

        clock.Advance(TimeSpan.FromSeconds(10));
        pacer.Answered(rateLimited: true, retryAfter: TimeSpan.FromSeconds(50));

        Assert.Equal([68, 77, 87], rates);
        Assert.Equal(20, counters.LearnedRequestsPerMinute); // 20 answers accepted over 10 s plus a 50 s wait: 20 a minute
    }
}

