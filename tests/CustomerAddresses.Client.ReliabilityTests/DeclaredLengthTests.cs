using System.Net;
using CustomerAddresses.Client.Protocol;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary>A declared <c>Content-Length</c> is a promise, not bytes: memory grows only as bytes arrive.</summary>
[Collection(nameof(MemoryMeasurements))]
public sealed class DeclaredLengthTests
{
    /// <summary>A short body that claims to be long.</summary>
    private sealed class LyingContent(long declared) : ByteArrayContent("""{"data":[],"meta":{"pagination":{"has_more":false}}}"""u8.ToArray())
    {
        protected override bool TryComputeLength(out long length)
        {
            length = declared;
            return true;
        }
    }

    /// <summary>A short body that claims to be long and whose bytes arrive only when the gate opens.</summary>
    private sealed class GatedLyingContent(long declared, Task gate) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => throw new NotSupportedException();

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new GatedStream(gate));

        protected override bool TryComputeLength(out long length)
        {
            length = declared;
            return true;
        }
    }

    private sealed class GatedStream(Task gate) : MemoryStream("""{"data":[],"meta":{"pagination":{"has_more":false}}}"""u8.ToArray())
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await gate.WaitAsync(cancellationToken);
            return await base.ReadAsync(buffer, cancellationToken);
        }
    }

    private sealed class GatedHandler(long declared, Task gate) : HttpMessageHandler
    {
        public int Started;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Started);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new GatedLyingContent(declared, gate), RequestMessage = request });
        }
    }

    [Theory]
    [InlineData(100L * 1024)]
    [InlineData(4L * 1024 * 1024)]
    [InlineData(31L * 1024 * 1024)]
    public async Task Reading_allocates_for_the_bytes_that_arrive_not_for_the_declared_length(long declared)
    {
        (byte[] rented, int length, bool truncated) = await BodyReader.ReadPooledAsync(new LyingContent(declared), 32 * 1024 * 1024, CancellationToken.None);
        System.Buffers.ArrayPool<byte>.Shared.Return(rented);

        Assert.False(truncated);
        Assert.True(length < 100);
        Assert.True(rented.Length <= 64 * 1024, $"rented {rented.Length} bytes for a {length}-byte body that declared {declared}");
    }

    [Fact]
    public async Task Sixty_four_callers_lied_to_at_once_hold_no_more_than_their_bodies()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new GatedHandler(31L * 1024 * 1024, gate.Task);
        using CustomerAddressesClient client = TestClients.Create(new Uri("https://api.example.com/"), handler, o => o.Retry.MaxRetries = 0);
        long before = GC.GetTotalAllocatedBytes(precise: true);

        // Every call has its answer's headers, and waits for the bytes, at the same time.
        Task[] calls = Enumerable.Range(0, 64).Select(_ => client.Addresses.ListAsync(CustomerId.Parse("ctm_1")).ToListAsync().AsTask()).ToArray();
        while (Volatile.Read(ref handler.Started) < 64)
        {
            await Task.Delay(10);
        }

        await Task.Delay(200); // let each reach its first read
        gate.SetResult();
        await Task.WhenAll(calls);

        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(allocated < 64L * 1024 * 1024, $"{allocated / (1024 * 1024)} MiB allocated by 64 calls whose bodies are 55 bytes each");
    }
}
