using System.Threading.RateLimiting;
using BenchmarkDotNet.Attributes;
using CustomerAddresses.Client.RateLimiting;
using CustomerAddresses.Client.Redis;
using CustomerAddresses.Client.Testing;
using CustomerAddresses.Client.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerAddresses.Client.Benchmarks;

/// <summary>
/// What one permit costs when the turn has come: from the in-process limiter, and from the limit shared through Redis on
/// loopback (one script round trip), beside what the permit is for: one call of the client (get a customer) against the
/// emulator over loopback. The limits are far above what the loop reaches, so no permit waits; the ratios to the call
/// are the share of a call's time the permit adds.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PermitBenchmarks
{
    /// <summary>A limit no loop here reaches: every permit is free when asked for.</summary>
    private const int Unreached = int.MaxValue;

    private RedisServer _redis = null!;
    private RequestPacer _inProcess = null!;
    private RateLimiter _shared = null!;
    private CustomerAddressesEmulator _emulator = null!;
    private CustomerAddressesClient _client = null!;
    private CustomerId _customer;

    [GlobalSetup]
    public void Setup()
    {
        _redis = RedisServer.StartAsync().GetAwaiter().GetResult();
        _inProcess = new RequestPacer(Unreached, TimeProvider.System);
        _shared = new RedisSharedRateLimiter(
            new RedisRateLimitOptions { Configuration = _redis.Configuration, Name = "benchmark" },
            new CustomerAddressesRateLimiterContext(new Uri("https://sandbox-api.paddle.com/"), Unreached, TimeProvider.System, NullLoggerFactory.Instance));
        _emulator = CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RecordRequests = false }).GetAwaiter().GetResult();
        _client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = _emulator.BaseAddress, Dialect = ApiDialect.PaddleBilling });
        _customer = _client.Customers.CreateAsync(new CreateCustomerRequest { Email = "bench@example.com" }).GetAwaiter().GetResult().Id;
        using RateLimitLease warm = _shared.AcquireAsync().AsTask().GetAwaiter().GetResult(); // connected
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _shared.Dispose();
        _inProcess.Dispose();
        _emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _redis.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public async Task<bool> Permit_InProcess()
    {
        using RateLimitLease lease = await _inProcess.AcquireAsync();
        return lease.IsAcquired;
    }

    [Benchmark]
    public async Task<bool> Permit_SharedThroughRedis()
    {
        using RateLimitLease lease = await _shared.AcquireAsync();
        return lease.IsAcquired;
    }

    /// <summary>The call a permit is taken for: the client, without a rate limit, getting a customer over loopback.</summary>
    [Benchmark]
    public async Task<string> Call_OverLoopback() => (await _client.Customers.GetAsync(_customer)).Id.Value;
}
