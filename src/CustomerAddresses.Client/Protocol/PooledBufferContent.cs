using System.Buffers;
using System.Net;

namespace CustomerAddresses.Client.Protocol;

/// <summary>
/// A response body held in an array rented from <see cref="ArrayPool{T}.Shared"/>, returned when the content is
/// disposed (every response the client reads is disposed once read, and Polly disposes those it retries). The
/// reader parses it in place: one copy of the body per attempt, and no large-object-heap array per page.
/// </summary>
internal sealed class PooledBufferContent : HttpContent
{
    private byte[]? _buffer;
    private readonly int _length;

    internal PooledBufferContent(byte[] rented, int length)
    {
        _buffer = rented;
        _length = length;
    }

    internal ReadOnlySpan<byte> Span => Buffer.AsSpan(0, _length);

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(PooledBufferContent));

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(Buffer, 0, _length);

    protected override Task<Stream> CreateContentReadStreamAsync() =>
        Task.FromResult<Stream>(new MemoryStream(Buffer, 0, _length, writable: false));

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        base.Dispose(disposing);
    }
}
