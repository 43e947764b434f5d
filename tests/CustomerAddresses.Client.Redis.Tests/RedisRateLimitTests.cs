using CustomerAddresses.Client.Testing;
using CustomerAddresses.Client.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;

namespace CustomerAddresses.Client.Redis.Tests;

/// <summary><c>RateLimit.UseRedis</c> as a user sets it: on the standalone client and under dependency injection, with its checks.</summary>
public sealed class RedisRateLimitTests
{
    private static readonly CustomerId s_customer = CustomerId.Parse("ctm_01hv6y1jedq4p1n0yqn5ba3ky4");

    [Fact]
    public async Task A_client_takes_each_attempts_turn_from_Redis_and_closes_its_connection_when_disposed()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using ConnectionMultiplexer observer = await ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",allowAdmin=true");
        IServer server = observer.GetServer(redis.Configuration);
        long connectedBefore = ConnectedClients(server);

        using (CustomerAddressesClient client = TestClients.Create(emulator.BaseAddress, o =>
        {
            o.Dialect = ApiDialect.PaddleBilling;
            o.RateLimit.RequestsPerMinute = 1200;
            o.RateLimit.UseRedis(r => r.Configuration = redis.Configuration);
        }))
        {
            Customer created = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "jo@example.com" });
            await client.Customers.GetAsync(created.Id);
            Assert.Contains(server.Keys(pattern: "rl:*"), k => ((string)k!).Contains($"customeraddresses:127.0.0.1:{emulator.BaseAddress.Port}:default", StringComparison.Ordinal));
            Assert.True(ConnectedClients(server) > connectedBefore);
        }

        for (int i = 0; i < 50 && ConnectedClients(server) > connectedBefore; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(connectedBefore, ConnectedClients(server));
    }

    [Fact]
    public async Task Under_dependency_injection_the_limiter_logs_to_the_container_and_keeps_the_client_going_without_Redis()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        var logs = new FakeLogCollector();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(new FakeLoggerProvider(logs)));
        services.AddCustomerAddressesClient(o =>
        {
            o.BaseAddress = emulator.BaseAddress;
            o.Dialect = ApiDialect.PaddleBilling;
            o.RateLimit.RequestsPerMinute = 6000;
            o.RateLimit.UseRedis(r =>
            {
                r.Configuration = $"127.0.0.1:{RedisServer.FreePort()}"; // nothing listens there
                r.Instances = 2;
            });
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        Customer created = await provider.GetRequiredService<CustomersClient>().CreateAsync(new CreateCustomerRequest { Email = "jo@example.com" });

        Assert.Equal("jo@example.com", created.Email);
        FakeLogRecord warning = Assert.Single(logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Equal("CustomerAddresses.Client.Redis", warning.Category);
        Assert.Contains("paces itself at 3000 requests a minute", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_that_cannot_work_are_refused_with_every_problem_named()
    {
        var rateLimit = new CustomerAddressesRateLimitOptions();

        var e = Assert.Throws<ArgumentException>(() => rateLimit.UseRedis(r =>
        {
            r.Name = " ";
            r.Instances = 0;
            r.ReconnectDelay = TimeSpan.Zero;
        }));

        Assert.Contains("Set one of Configuration (such as localhost:6379) and Connection.", e.Message, StringComparison.Ordinal);
        Assert.Contains("Name must not be empty", e.Message, StringComparison.Ordinal);
        Assert.Contains("Instances must be from 1 to 1000 (it is 0)", e.Message, StringComparison.Ordinal);
        Assert.Contains("ReconnectDelay must be more than zero", e.Message, StringComparison.Ordinal);
        Assert.Null(rateLimit.LimiterFactory);
    }

    [Fact]
    public void A_configuration_string_Redis_cannot_read_is_refused_without_being_quoted()
    {
        var e = Assert.Throws<ArgumentException>(() => new CustomerAddressesRateLimitOptions().UseRedis(r => r.Configuration = "localhost:6379,password=s3cr3t,frobnicate=yes"));

        Assert.Contains("Configuration is not a Redis configuration string", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_shared_limit_without_the_limit_itself_is_refused_when_the_client_is_built()
    {
        var e = Assert.Throws<ArgumentException>(() => TestClients.Create(new Uri("https://sandbox-api.paddle.com/"), o =>
            o.RateLimit.UseRedis(r => r.Configuration = $"127.0.0.1:{RedisServer.FreePort()}")));

        Assert.Contains("RateLimit.RequestsPerMinute must be set when the limit is shared through Redis", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_options_describe_themselves_without_the_configuration_string()
    {
        var options = new RedisRateLimitOptions { Configuration = "redis.internal:6380,password=s3cr3t-pa55", Name = "egress-1", Instances = 4 };

        Assert.Equal("{ Configuration = (set), Connection = (not set), Name = egress-1, Instances = 4, ReconnectDelay = 00:00:05 }", options.ToString());
    }

    private static long ConnectedClients(IServer server) =>
        long.Parse(server.Info("clients").SelectMany(g => g).First(p => p.Key == "connected_clients").Value, System.Globalization.CultureInfo.InvariantCulture);
}
