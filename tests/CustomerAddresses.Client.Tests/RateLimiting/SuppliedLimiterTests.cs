using System.Net;
using System.Threading.RateLimiting;
using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Client.Tests.RateLimiting;

/// <summary>
/// <see cref="CustomerAddressesRateLimitOptions.Limiter"/> and <see cref="CustomerAddressesRateLimitOptions.LimiterFactory"/>:
/// any <see cref="RateLimiter"/> in place of the in-process pacer, on the standalone client and under dependency
/// injection. Every attempt takes a permit; a refused lease is asked for again until the call's time runs out; a limiter
/// the client made is the client's to dispose, one it was given is not.
/// </summary>
public sealed class SuppliedLimiterTests
{
    private static readonly CustomerId s_id = CustomerId.Parse("ctm_01hv6y1jedq4p1n0yqn5ba3ky4");

    /// <summary>How long the client waits before asking again for a lease refused without a RetryAfter.</summary>
    private static readonly TimeSpan PermitWaitTime = TimeSpan.FromMilliseconds(100);

    public static TheoryData<bool> Modes => new() { false, true };

    private static CustomerAddressesClient Build(bool dependencyInjection, HttpMessageHandler server, Action<CustomerAddressesClientOptions> configure)
    {
        CustomerAddressesClientOptions options = TestClients.Options(new Uri("http://127.0.0.1:9/"), o =>
        {
            o.Dialect = ApiDialect.PaddleBilling;
            o.Retry.BaseDelay = TimeSpan.Zero;
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(1);
            configure(o);
        });
        return dependencyInjection ? ServiceProviderClient.Create(options, server) : TestClients.Create(options, server);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Every_attempt_takes_a_permit_from_the_limiter_retries_included(bool dependencyInjection)
    {
        var limiter = new ScriptedLimiter();
        var server = new Answers(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        using (CustomerAddressesClient client = Build(dependencyInjection, server, o => o.RateLimit.Limiter = limiter))
        {
            await client.Customers.GetAsync(s_id);
        }

        Assert.Equal(2, server.Sent);
        Assert.Equal(2, limiter.Granted);
        Assert.False(limiter.Disposed); // the caller's: the client does not dispose it
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_refused_lease_is_asked_for_again_after_its_retry_after(bool dependencyInjection)
    {
        var clock = new TestClock();
        var limiter = new ScriptedLimiter(refusals: 2, retryAfter: TimeSpan.FromMilliseconds(250));
        var server = new Answers(HttpStatusCode.OK);
        using CustomerAddressesClient client = Build(dependencyInjection, server, o =>
        {
            o.RateLimit.Limiter = limiter;
            o.TimeProvider = clock;
        });

        await clock.RunAsync(client.Customers.GetAsync(s_id), due => due == TimeSpan.FromMilliseconds(250));

        Assert.Equal([TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250)], clock.Advanced);
        Assert.Equal((3, 1, 1), (limiter.Asked, limiter.Granted, server.Sent));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_permit_not_granted_within_the_calls_time_ends_it_with_a_TimeoutException_and_sends_nothing(bool dependencyInjection)
    {
        var clock = new TestClock();
        var limiter = new ScriptedLimiter(refusals: int.MaxValue);
        var server = new Answers(HttpStatusCode.OK);
        using CustomerAddressesClient client = Build(dependencyInjection, server, o =>
        {
            o.RateLimit.Limiter = limiter;
            o.TimeProvider = clock;
            o.Timeouts.Total = TimeSpan.FromSeconds(2);
        });

        // Refused six times, 100 ms apart, then the call's two seconds run out.
        Task<Customer> call = client.Customers.GetAsync(s_id);
        for (int retry = 0; retry < 5; retry++)
        {
            await clock.WaitForTimerAsync(PermitWaitTime);
            clock.Advance(PermitWaitTime);
        }

        await clock.WaitForTimerAsync(PermitWaitTime);
        clock.Advance(TimeSpan.FromSeconds(2));

        TimeoutException e = await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Contains("did not complete within 2 s", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Sent);
        Assert.True(limiter.Asked >= 6, $"asked {limiter.Asked} times"); // and once more, maybe, as the time ran out
        Assert.Equal(0, limiter.Granted);
    }

    [Fact]
    public async Task The_factory_is_called_once_with_what_the_client_knows_and_its_limiter_is_disposed_with_the_client()
    {
        var made = new List<(ScriptedLimiter Limiter, CustomerAddressesRateLimiterContext Context)>();
        using var logging = LoggerFactory.Create(_ => { });
        var server = new Answers(HttpStatusCode.OK);
        CustomerAddressesClient client = TestClients.Create(new Uri("https://api.example.com/v1"), server, o =>
        {
            o.RateLimit.RequestsPerMinute = 600;
            o.LoggerFactory = logging;
            o.RateLimit.LimiterFactory = context =>
            {
                var limiter = new ScriptedLimiter();
                made.Add((limiter, context));
                return limiter;
            };
        });

        await client.Customers.GetAsync(s_id);
        await client.Customers.GetAsync(s_id);
        client.Dispose();

        (ScriptedLimiter limiter, CustomerAddressesRateLimiterContext context) = Assert.Single(made);
        Assert.Equal(2, limiter.Granted);
        Assert.Equal(("https://api.example.com/v1/", 600), (context.BaseAddress.AbsoluteUri, context.RequestsPerMinute));
        Assert.Same(logging, context.LoggerFactory);
        Assert.Same(TimeProvider.System, context.TimeProvider);
        Assert.True(limiter.Disposed);
    }

    [Fact]
    public async Task Under_dependency_injection_the_factory_is_called_once_per_container_with_its_logging_and_disposed_with_it()
    {
        var made = new List<(ScriptedLimiter Limiter, CustomerAddressesRateLimiterContext Context)>();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCustomerAddressesClient(o =>
        {
            o.BaseAddress = new Uri("http://127.0.0.1:9/");
            o.RateLimit.LimiterFactory = context =>
            {
                var limiter = new ScriptedLimiter();
                lock (made)
                {
                    made.Add((limiter, context));
                }

                return limiter;
            };
        }).ConfigurePrimaryHttpMessageHandler(() => new Answers(HttpStatusCode.OK));
        ServiceProvider provider = services.BuildServiceProvider();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => provider.GetRequiredService<CustomersClient>().GetAsync(s_id))));
        ILoggerFactory containerLogging = provider.GetRequiredService<ILoggerFactory>();
        await provider.DisposeAsync();

        (ScriptedLimiter limiter, CustomerAddressesRateLimiterContext context) = Assert.Single(made);
        Assert.Equal(16, limiter.Granted);
        Assert.Same(containerLogging, context.LoggerFactory);
        Assert.True(limiter.Disposed);
    }

    [Fact]
    public void A_limiter_and_a_factory_together_are_refused_when_the_client_is_built()
    {
        using var limiter = new ScriptedLimiter();

        var e = Assert.Throws<ArgumentException>(() => TestClients.Create(new Uri("https://api.example.com/"), o =>
        {
            o.RateLimit.Limiter = limiter;
            o.RateLimit.LimiterFactory = _ => limiter;
        }));

        Assert.Contains("RateLimit.Limiter and RateLimit.LimiterFactory are both set", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Refuses the first <c>refusals</c> leases (with a RetryAfter, when given), then grants every one.</summary>
    private sealed class ScriptedLimiter(int refusals = 0, TimeSpan? retryAfter = null) : RateLimiter
    {
        private int _asked;
        private int _granted;

        public int Asked => Volatile.Read(ref _asked);

        public int Granted => Volatile.Read(ref _granted);

        public bool Disposed { get; private set; }

        public override TimeSpan? IdleDuration => null;

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => throw new NotSupportedException("the client waits for its permits");

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _asked) <= refusals)
            {
                return new ValueTask<RateLimitLease>(new Lease(false, retryAfter));
            }

            Interlocked.Increment(ref _granted);
            return new ValueTask<RateLimitLease>(new Lease(true, null));
        }

        protected override void Dispose(bool disposing) => Disposed = true;

        private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
        {
            public override bool IsAcquired => acquired;

            public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

            public override bool TryGetMetadata(string metadataName, out object? metadata)
            {
                metadata = retryAfter;
                return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
            }
        }
    }

    /// <summary>Answers with the statuses given, the last one repeating, each with a customer.</summary>
    private sealed class Answers(params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        private int _sent;

        public int Sent => Volatile.Read(ref _sent);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            int index = Interlocked.Increment(ref _sent) - 1;
            return Task.FromResult(new HttpResponseMessage(statuses[Math.Min(index, statuses.Length - 1)])
            {
                RequestMessage = request,
                Content = new StringContent("""{"data":{"id":"ctm_01hv6y1jedq4p1n0yqn5ba3ky4"},"meta":{"request_id":"r"}}""", System.Text.Encoding.UTF8, "application/json"),
            });
        }
    }
}
