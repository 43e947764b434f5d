using System.Net;
using System.Text;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary>Bodies built to break a reader: deep nesting, huge strings. Each ends quickly, in bounded memory, in a documented exception.</summary>
[Collection(nameof(MemoryMeasurements))]
public sealed class ExtremeResponseTests
{
    private const int FiftyMegabytes = 50 * 1024 * 1024;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Ten_thousand_levels_of_nesting_are_refused_without_recursion(int operation)
    {
        byte[] deep = Encoding.UTF8.GetBytes("{\"data\":" + new string('[', 10_000) + new string(']', 10_000) + "}");

        foreach (int status in new[] { 200, 400 })
        {
            using CustomerAddressesClient client = HostileResponseTests.ClientAnswering(status, deep);
            Exception? outcome = await HostileResponseTests.Call(client, operation);

            Assert.IsAssignableFrom<CustomerAddressesApiException>(outcome);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_50_MB_string_is_refused_in_bounded_memory(bool declaresLength)
    {
        var handler = new HugeBodyHandler(declaresLength);
        using var client = TestClients.Create(new Uri("https://api.example.com/"), handler, o => o.Retry.MaxRetries = 3);
        long before = GC.GetTotalAllocatedBytes(precise: true);

        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(
            async () => await client.Addresses.ListAsync(CustomerId.Parse("ctm_1")).ToListAsync());

        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Contains("larger than 32 MiB", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 100L * 1024 * 1024, $"allocated {allocated / (1024 * 1024)} MiB");
        Assert.Equal(1, handler.Attempts); // the same body would come again: not retried
    }

    [Fact]
    public async Task A_4_MB_resource_is_refused_before_it_is_parsed()
    {
        byte[] big = Encoding.UTF8.GetBytes("{\"id\":\"ctm_1\",\"name\":\"" + new string('a', 5 * 1024 * 1024) + "\"}");
        using CustomerAddressesClient client = HostileResponseTests.ClientAnswering(201, big);

        var error = await Assert.ThrowsAsync<UnexpectedResponseException>(() => client.Customers.CreateAsync(new CreateCustomerRequest { Name = "A", Email = "a@b.c" }));

        Assert.Contains("larger than 4 MiB", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Answers with a 50 MB JSON string, produced lazily so that the test itself holds none of it.</summary>
    private sealed class HugeBodyHandler(bool declaresLength) : HttpMessageHandler
    {
        private int _attempts;

        public int Attempts => _attempts;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            var content = new StreamContent(new LazyBody(FiftyMegabytes));
            if (declaresLength)
            {
                content.Headers.ContentLength = FiftyMegabytes;
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }

    /// <summary><c>{"data":[{"id":"add_1","city":"aaaa…</c>, as long as asked.</summary>
    private sealed class LazyBody(long length) : Stream
    {
        private static readonly byte[] s_head = Encoding.UTF8.GetBytes("{\"data\":[{\"id\":\"add_1\",\"city\":\"");
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, length - _position);
            for (int i = 0; i < n; i++)
            {
                long at = _position + i;
                buffer[offset + i] = at < s_head.Length ? s_head[at] : (byte)'a';
            }

            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>Allocation measurements run alone, so that other tests' allocations do not count.</summary>
[CollectionDefinition(nameof(MemoryMeasurements), DisableParallelization = true)]
public sealed class MemoryMeasurements;
