using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CustomerAddresses.Client.Redis;

/// <summary>
/// The client's limiter when its limit is shared through Redis: one key per API host and name holds when the next permit
/// of all the instances together is free, on Redis's own clock, and a short script hands it out (GCRA, the generic cell
/// rate algorithm): to the first caller who asks once it is free, the next one an interval later, spaced evenly at 98% of
/// the limit as the in-process limiter spaces them. A caller whose turn has not come is told how long to wait, and asks
/// again then; one that gives up (cancelled, or out of time) simply stops asking, taking no turn.
/// </summary>
/// <remarks>
/// <para>
/// RedisRateLimiting's token bucket, the one of its limiters that spaces permits evenly, was measured for this and not
/// used: with a bucket of one token it re-aligns its periods to every permit taken late (its keys expire one period
/// after each permit) and tells a refused caller the wait in whole seconds, so callers poll; 4 callers polling every
/// quarter of an interval got 93.9% of the interval's rate (92% of the limit), 12 callers 96.9%, short of the 95% of
/// the limit an import should reach; a bucket of two tokens allows bursts and stalled for 0.8 s. It also stamps time
/// with each caller's clock, where a limit shared between machines needs one clock: Redis's.
/// </para>
/// <para>
/// When Redis cannot be reached (at start or mid-run), the instance paces itself with an in-process token bucket at the
/// limit divided by the number of instances, logs a warning once, and asks Redis again after the reconnect delay; when
/// Redis answers again it logs that, and the shared limit resumes. Permits are never handed out unpaced.
/// </para>
/// </remarks>
internal sealed partial class RedisSharedRateLimiter : RateLimiter
{
    /// <summary>The share of the limit the instances send at, as the in-process limiter does.</summary>
    internal const double Headroom = 0.98;

    internal const string LoggerCategory = "CustomerAddresses.Client.Redis";

    /// <summary>
    /// KEYS[1] holds when the next permit is free, in microseconds of Redis's clock; ARGV[1] is the interval in
    /// microseconds. Returns 0 for a permit, else how many microseconds until the next one is free. A permit taken within
    /// an interval of when it came free keeps the schedule (no turn is lost to a caller's lateness); after a longer idle
    /// time the schedule starts again from now.
    /// </summary>
    private const string Script = """
        local now = redis.call('TIME')
        now = tonumber(now[1]) * 1000000 + tonumber(now[2])
        local interval = tonumber(ARGV[1])
        local free = tonumber(redis.call('GET', KEYS[1]) or '0')
        if free > now then
          return free - now
        end
        if now - free > interval then
          free = now
        end
        redis.call('SET', KEYS[1], free + interval, 'PX', math.ceil(interval / 1000) * 2 + 1000)
        return 0
        """;

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection;
    private readonly bool _ownsConnection;
    private readonly RedisKey _key;
    private readonly RedisValue _intervalMicroseconds;
    private readonly TokenBucketRateLimiter _fallback;
    private readonly TimeSpan _reconnectDelay;
    private readonly object _gate = new();
    private long _askRedisAgainAt = -1; // a timestamp while Redis is out of reach; -1 while it answers

    internal RedisSharedRateLimiter(RedisRateLimitOptions options, CustomerAddressesRateLimiterContext context)
    {
        int perMinute = context.RequestsPerMinute ?? throw new ArgumentException(
            "RateLimit.RequestsPerMinute must be set when the limit is shared through Redis: it is the limit all the instances keep together.", nameof(context));
        _time = context.TimeProvider;
        _logger = context.LoggerFactory.CreateLogger(LoggerCategory);
        _reconnectDelay = options.ReconnectDelay;
        Interval = TimeSpan.FromMinutes(1) / (perMinute * Headroom);
        PartitionKey = $"customeraddresses:{context.BaseAddress.IdnHost}:{context.BaseAddress.Port}:{options.Name}";
        _key = new RedisKey($"rl:{{{PartitionKey}}}");
        _intervalMicroseconds = (long)(Interval.Ticks / (TimeSpan.TicksPerMillisecond / 1000.0));
        FallbackPerMinute = Math.Max(1, perMinute / options.Instances);

        // Connected on the first permit asked for, asynchronously: a client is built without waiting for Redis.
        string? configuration = options.Configuration;
        IConnectionMultiplexer? given = options.Connection;
        _ownsConnection = given is null;
        _connection = new Lazy<Task<IConnectionMultiplexer>>(() => given is null ? ConnectAsync(configuration!) : Task.FromResult(given));
        _fallback = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromTicks(Math.Max(1, (TimeSpan.FromMinutes(1) / (FallbackPerMinute * Headroom)).Ticks)),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>The time between two permits of all the instances together.</summary>
    internal TimeSpan Interval { get; }

    /// <summary>What the instances share: the API's host and port, and the name they were given.</summary>
    internal string PartitionKey { get; }

    /// <summary>The limit this instance keeps by itself while Redis cannot be reached.</summary>
    internal int FallbackPerMinute { get; }

    /// <summary>Whether the instance paces itself now, Redis being out of reach.</summary>
    internal bool IsPacingItself
    {
        get
        {
            lock (_gate)
            {
                return _askRedisAgainAt >= 0;
            }
        }
    }

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => null;

    /// <summary>A permit is a turn that may have to be waited for, and Redis asked: none is handed out without asking (the client waits for each).</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Refused;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, 1);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!ShouldAskRedis())
            {
                return await _fallback.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false);
            }

            long wait;
            try
            {
                IConnectionMultiplexer connection = await _connection.Value.ConfigureAwait(false);
                wait = (long)await connection.GetDatabase().ScriptEvaluateAsync(Script, [_key], [_intervalMicroseconds]).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                OutOfReach(e);
                continue;
            }

            Reached();
            if (wait <= 0)
            {
                return Lease.Granted;
            }

            // Not this instance's turn yet: Redis said when it is.
            await Task.Delay(TimeSpan.FromMicroseconds(wait), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether Redis is to be asked: it answers, or the reconnect delay has passed since it did not.</summary>
    private bool ShouldAskRedis()
    {
        lock (_gate)
        {
            return _askRedisAgainAt < 0 || _time.GetTimestamp() >= _askRedisAgainAt;
        }
    }

    private void OutOfReach(Exception e)
    {
        bool first;
        lock (_gate)
        {
            first = _askRedisAgainAt < 0;
            _askRedisAgainAt = _time.GetTimestamp() + (long)(_reconnectDelay.TotalSeconds * _time.TimestampFrequency);
        }

        if (first)
        {
            Log.OutOfReach(_logger, PartitionKey, FallbackPerMinute, _reconnectDelay.TotalSeconds, e.GetType().Name);
        }
    }

    private void Reached()
    {
        bool back;
        lock (_gate)
        {
            back = _askRedisAgainAt >= 0;
            _askRedisAgainAt = -1;
        }

        if (back)
        {
            Log.Reached(_logger, PartitionKey);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _fallback.Dispose();
            if (_ownsConnection && _connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
            {
                _connection.Value.Result.Dispose();
            }
        }
    }

    /// <summary>The problems of the options, if any, as one <see cref="ArgumentException"/>.</summary>
    internal static void Validate(RedisRateLimitOptions options)
    {
        var problems = new List<string>();
        if ((options.Configuration is null) == (options.Connection is null))
        {
            problems.Add("Set one of Configuration (such as localhost:6379) and Connection.");
        }
        else if (options.Configuration is { } configuration)
        {
            try
            {
                ConfigurationOptions.Parse(configuration);
            }
            catch (ArgumentException)
            {
                problems.Add("Configuration is not a Redis configuration string (such as localhost:6379); it is not quoted, for it may hold a password.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.Name))
        {
            problems.Add("Name must not be empty: it is what the instances that share the limit have in common, such as their egress IP address.");
        }

        if (options.Instances is < 1 or > 1_000)
        {
            problems.Add($"Instances must be from 1 to 1000 (it is {options.Instances}).");
        }

        if (options.ReconnectDelay <= TimeSpan.Zero || options.ReconnectDelay > TimeSpan.FromHours(1))
        {
            problems.Add($"ReconnectDelay must be more than zero and at most an hour (it is {options.ReconnectDelay}).");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("The Redis rate limit options are not valid: " + string.Join(" ", problems), nameof(options));
        }
    }

    /// <summary>
    /// Connects without failing when Redis is down: the connection keeps trying in the background, and a command fails
    /// within a second meanwhile, so the instance paces itself instead of stalling.
    /// </summary>
    private static async Task<IConnectionMultiplexer> ConnectAsync(string configuration)
    {
        ConfigurationOptions options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2_000;
        options.AsyncTimeout = 1_000;
        options.SyncTimeout = 1_000;
        return await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        internal static readonly Lease Granted = new(true);

        internal static readonly Lease Refused = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "The rate limit shared through Redis ({Partition}) cannot be reached ({Error}): this instance paces itself at {PerMinute} requests a minute (the limit divided by the instances) and asks Redis again in {Seconds} s.")]
        internal static partial void OutOfReach(ILogger logger, string partition, int perMinute, double seconds, string error);

        [LoggerMessage(2, LogLevel.Information, "The rate limit shared through Redis ({Partition}) is reached again: this instance takes its turns from it.")]
        internal static partial void Reached(ILogger logger, string partition);
    }
}
