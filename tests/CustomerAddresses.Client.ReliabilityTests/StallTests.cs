using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary>
/// A server that sends the headers and then stalls, promising a body it never sends. Whatever pipeline the caller
/// puts in place (the README's replacement, none at all), the call ends at the total timeout with a
/// <see cref="TimeoutException"/>, measured here on a fake clock.
/// </summary>
public sealed class StallTests
{
    private static async Task Stall(ScriptedServer server, NetworkStream stream, CancellationToken cancellationToken)
    {
        byte[] head = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"data\":[");
        await stream.WriteAsync(head, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        server.HeadersSent.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }

    public static TheoryData<string> Pipelines => ["the README's replacement", "no resilience handler at all"];

    [Theory]
    [MemberData(nameof(Pipelines))]
    public async Task A_replaced_pipeline_still_ends_a_call_whose_body_never_comes(string pipeline)
    {
        ScriptedServer? server = null;
        server = new ScriptedServer((_, stream, ct) => Stall(server!, stream, ct));
        await using ScriptedServer _ = server;
        var clock = new FakeTimeProvider();
        var services = new ServiceCollection();

#pragma warning disable EXTEXP0001
        IHttpClientBuilder builder = services.AddCustomerAddressesClient(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.TimeProvider = clock;
            o.Timeouts.Total = TimeSpan.FromSeconds(30);
        }).RemoveAllResilienceHandlers();
        if (pipeline == "the README's replacement")
        {
            builder.AddResilienceHandler("my-pipeline", p => p.AddTimeout(TimeSpan.FromSeconds(5)));
        }
#pragma warning restore EXTEXP0001

        await using ServiceProvider provider = services.BuildServiceProvider();
        Task<List<Address>> call = provider.GetRequiredService<AddressesClient>().ListAsync(CustomerId.Parse("ctm_1")).ToListAsync().AsTask();
        await server.HeadersSent.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(call.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(30));

        var e = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("did not complete within 30 s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_default_pipeline_the_caller_can_still_cancel_a_stalled_body()
    {
        ScriptedServer? server = null;
        server = new ScriptedServer((_, stream, ct) => Stall(server!, stream, ct));
        await using ScriptedServer _ = server;
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = server.BaseAddress, Retry = { MaxRetries = 0 } });
        using var cancel = new CancellationTokenSource();

        Task<List<Address>> call = client.Addresses.ListAsync(CustomerId.Parse("ctm_1"), cancellationToken: cancel.Token).ToListAsync().AsTask();
        await server.HeadersSent.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
