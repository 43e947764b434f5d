using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.RateLimiting;
using CustomerAddresses.Client.Tests.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;

namespace CustomerAddresses.Client.Redis.Tests;

/// <summary>
/// The limiter shared through a real Redis: instances that share a host and a name take their turns from one limit;
/// Redis out of reach (at start, or killed mid-run) leaves each instance pacing itself at its share, saying so once, and
/// the shared limit resumes when Redis answers again.
/// </summary>
public sealed class RedisSharedRateLimiterTests
{
    private static readonly Uri s_api = new("https://sandbox-api.paddle.com/");
    private readonly FakeLogCollector _logs = new();

    private RedisSharedRateLimiter Limiter(string configuration, int perMinute, string name = "egress-203.0.113.7", int instances = 1, TimeSpan? reconnect = null) =>
        new(
            new RedisRateLimitOptions { Configuration = configuration, Name = name, Instances = instances, ReconnectDelay = reconnect ?? TimeSpan.FromSeconds(5) },
            new CustomerAddressesRateLimiterContext(s_api, perMinute, TimeProvider.System, LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)))));

    /// <summary>Takes <paramref name="permits"/> permits from each limiter, two callers each, and returns when each was granted.</summary>
    private static async Task<List<long>> TakeAsync(int permits, params RateLimiter[] limiters)
    {
        var granted = new ConcurrentBag<long>();
        await Task.WhenAll(limiters.SelectMany(limiter => Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            for (int i = 0; i < permits / 2; i++)
            {
                using RateLimitLease lease = await limiter.AcquireAsync();
                Assert.True(lease.IsAcquired);
                granted.Add(Stopwatch.GetTimestamp());
            }
        }))));
        return [.. granted.Order()];
    }

    /// <summary>
    /// How many permits a limit of one every <paramref name="interval"/> can have handed out over what was measured: one
    /// per interval of the span, one for the first, and a second of slack for the time between a grant and its record.
    /// </summary>
    private static int MostPermits(List<long> granted, TimeSpan interval) =>
        (int)((Stopwatch.GetElapsedTime(granted[0], granted[^1]) + TimeSpan.FromSeconds(1)) / interval) + 1;

    [Fact]
    public async Task Two_instances_that_share_a_host_and_a_name_take_their_turns_from_one_limit()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        using RedisSharedRateLimiter first = Limiter(redis.Configuration, 1200);
        using RedisSharedRateLimiter second = Limiter(redis.Configuration, 1200);
        await TakeAsync(2, first, second); // connected

        List<long> granted = await TakeAsync(40, first, second);

        // 80 permits at one every 51 ms take 4 s or more; two limits of their own would hand them out in 2 s.
        Assert.Equal(80, granted.Count);
        Assert.True(granted.Count <= MostPermits(granted, first.Interval), $"80 permits in {Stopwatch.GetElapsedTime(granted[0], granted[^1]).TotalMilliseconds:0} ms at one every {first.Interval.TotalMilliseconds:0} ms");
        Assert.False(first.IsPacingItself || second.IsPacingItself);
        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Instances_of_another_name_keep_a_limit_of_their_own_under_a_key_of_its_own()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        using RedisSharedRateLimiter office = Limiter(redis.Configuration, 600, name: "office");
        using RedisSharedRateLimiter warehouse = Limiter(redis.Configuration, 600, name: "warehouse");

        await TakeAsync(4, office, warehouse);

        using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        string[] keys = [.. connection.GetServer(redis.Configuration).Keys(pattern: "rl:*").Select(k => (string)k!).Order()];
        Assert.Equal(["rl:{customeraddresses:sandbox-api.paddle.com:443:office}", "rl:{customeraddresses:sandbox-api.paddle.com:443:warehouse}"], keys);
    }

    [Fact]
    public async Task With_Redis_out_of_reach_from_the_start_an_instance_paces_itself_at_its_share_and_says_so_once()
    {
        using RedisSharedRateLimiter limiter = Limiter($"127.0.0.1:{RedisServer.FreePort()}", 600, instances: 3);

        List<long> granted = await TakeAsync(6, limiter);

        Assert.Equal(200, limiter.FallbackPerMinute);
        Assert.True(limiter.IsPacingItself);
        TimeSpan share = TimeSpan.FromMinutes(1) / (200 * 0.98);
        Assert.True(Stopwatch.GetElapsedTime(granted[0], granted[^1]) >= share * 4, $"6 permits in {Stopwatch.GetElapsedTime(granted[0], granted[^1]).TotalMilliseconds:0} ms at one every {share.TotalMilliseconds:0} ms");
        FakeLogRecord warning = Assert.Single(_logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("paces itself at 200 requests a minute", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redis_killed_mid_run_leaves_the_instance_pacing_itself_and_back_again_it_takes_its_turns_from_Redis()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        int port = redis.Port;
        using RedisSharedRateLimiter limiter = Limiter(redis.Configuration, 1200, instances: 2, reconnect: TimeSpan.FromMilliseconds(300));
        await TakeAsync(4, limiter);
        Assert.False(limiter.IsPacingItself);

        await redis.KillAsync();
        await TakeAsync(4, limiter);
        Assert.True(limiter.IsPacingItself); // kept going, at 600 a minute by itself
        Assert.Contains(_logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("cannot be reached", StringComparison.Ordinal));

        await using RedisServer back = await RedisServer.StartAsync(port);
        var deadline = Stopwatch.StartNew();
        while (limiter.IsPacingItself)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the limiter did not take its turns from Redis again within 30 s");
            await TakeAsync(2, limiter);
        }

        Assert.Contains(_logs.GetSnapshot(), r => r.Level == LogLevel.Information && r.Message.Contains("is reached again", StringComparison.Ordinal));
        Assert.Single(_logs.GetSnapshot(), r => r.Level == LogLevel.Warning); // one outage, one warning
    }

    [Fact]
    public async Task A_caller_that_gives_up_waiting_takes_no_turn()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        using RedisSharedRateLimiter limiter = Limiter(redis.Configuration, 20); // one every 3 s or so
        using (await limiter.AcquireAsync())
        {
        }

        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await limiter.AcquireAsync(1, giveUp.Token));
        var clock = Stopwatch.StartNew();
        using RateLimitLease next = await limiter.AcquireAsync();

        Assert.True(next.IsAcquired);
        Assert.True(clock.Elapsed < limiter.Interval * 1.9, $"the next turn came after {clock.ElapsedMilliseconds} ms: the caller who left took one"); // one taken would be two intervals
    }
}
