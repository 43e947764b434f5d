using System.Collections.Concurrent;
using CustomerAddresses.Client.Testing;
using System.Diagnostics;
using CustomerAddresses.Client.Tests.Shared;
using Xunit.Abstractions;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary>
/// A session the server rotates every second request, under 32 concurrent callers: no call fails for its session, no
/// create is made twice, and the client ends on the server's newest token.
/// </summary>
public sealed class SessionRotationLoadTests(ITestOutputHelper output)
{
    private const int Callers = 32;
    private const int Calls = 5_000;
    private const string FirstToken = "sess_01hloadloadloadloadload";

    private static readonly AddBillingAddressRequest s_request = new()
    {
        Name = "HQ", Company = "Acme", AddressLine1 = "1 Road", City = "LA", State = "CA", PostalCode = "90210", Country = "US",
    };

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public async Task Thirty_two_callers_make_five_thousand_calls_with_a_rotation_every_second_request(int seed, bool development)
    {
        await using CustomerAddresses.Client.Testing.CustomerAddressesEmulator emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions
        {
            Seed = seed,
            SessionToken = FirstToken,
            RotateSessionEvery = 2,
            DevelopmentSessions = development,
        });
        var handedOver = new ConcurrentQueue<string>();
        using CustomerAddressesClient client = TestClients.Create(emulator.BaseAddress, o =>
        {
            o.SessionToken = FirstToken;
            o.SessionTokenRotated = handedOver.Enqueue;
        });
        var listed = OrganizationId.Parse(emulator.CreateOrganization());
        var added = OrganizationId.Parse(emulator.CreateOrganization());
        await client.BillingAddresses.AddAsync(listed, s_request);

        long before = emulator.Statistics.Requests;
        var clock = Stopwatch.StartNew();
        int next = 0;
        int adds = 0;
        var failures = new ConcurrentQueue<Exception>();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            for (int call = Interlocked.Increment(ref next); call <= Calls; call = Interlocked.Increment(ref next))
            {
                try
                {
                    if (call % 8 == 0)
                    {
                        await client.BillingAddresses.AddAsync(added, s_request);
                        Interlocked.Increment(ref adds);
                    }
                    else
                    {
                        Assert.Single(await client.BillingAddresses.ListAsync(listed).ToListAsync());
                    }
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                }
            }
        })));

        long sent = emulator.Statistics.Requests - before;
        output.WriteLine($"seed {seed}: {Calls} calls, {sent} requests ({sent - Calls} sent again after a stale-session 401), {emulator.SessionRotations} rotations, {failures.Count} failures, {clock.ElapsedMilliseconds} ms");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {Calls} calls failed, such as: {failures.FirstOrDefault()}");
        Assert.Equal(Calls / 8, adds);
        Assert.Equal(adds, await client.BillingAddresses.ListAsync(added).CountAsync()); // a create refused for its session and sent again is made once
        Assert.True(emulator.SessionRotations >= Calls / 2, $"{emulator.SessionRotations} rotations");
        Assert.Equal(emulator.SessionToken, handedOver.Last()); // the caller's store ends on the newest token
    }
}
