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
}
