using System.Buffers;
using CustomerAddresses.Client.Protocol;

namespace CustomerAddresses.Client.Tests.Protocol;

/// <summary>The one place bodies are read: exactly the limit is accepted, one byte more is not, in pooled arrays.</summary>
public sealed class BodyReaderTests
{
    private static HttpContent Body(int length, bool declareLength)
    {
        byte[] bytes = Enumerable.Range(0, length).Select(i => (byte)(i % 251)).ToArray();
        var content = new StreamContent(new MemoryStream(bytes));
        if (declareLength)
        {
            content.Headers.ContentLength = length;
        }
        else
        {
            content.Headers.ContentLength = null;
        }

        return content;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_of_exactly_the_limit_is_read_whole(bool declareLength)
    {
        using HttpContent content = Body(100_000, declareLength);

        (byte[] rented, int length, bool truncated) = await BodyReader.ReadPooledAsync(content, 100_000, CancellationToken.None);

        Assert.False(truncated);
        Assert.Equal(100_000, length);
        Assert.Equal((byte)(99_999 % 251), rented[99_999]);
        ArrayPool<byte>.Shared.Return(rented);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task One_byte_past_the_limit_is_reported_and_the_prefix_kept(bool declareLength)
    {
        using HttpContent content = Body(100_001, declareLength);

        (byte[] rented, int length, bool truncated) = await BodyReader.ReadPooledAsync(content, 100_000, CancellationToken.None);

        Assert.True(truncated);
        Assert.Equal(100_000, length);
        Assert.Equal((byte)(12_345 % 251), rented[12_345]);
        ArrayPool<byte>.Shared.Return(rented);
    }

    [Fact]
    public async Task A_prefix_stops_at_the_limit()
    {
        using HttpContent content = Body(5_000, declareLength: false);

        byte[] prefix = await BodyReader.ReadPrefixAsync(content, 1_000, CancellationToken.None);

        Assert.Equal(1_000, prefix.Length);
        Assert.Equal((byte)(999 % 251), prefix[999]);
    }

    [Fact]
    public async Task An_empty_body_is_empty()
    {
        using HttpContent content = Body(0, declareLength: true);

        (byte[] rented, int length, bool truncated) = await BodyReader.ReadPooledAsync(content, 1_000, CancellationToken.None);

        Assert.Equal(0, length);
        Assert.False(truncated);
        ArrayPool<byte>.Shared.Return(rented);
    }
}
