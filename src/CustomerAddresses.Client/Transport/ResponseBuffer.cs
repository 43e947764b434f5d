using System.Buffers;
using System.Net.Http.Headers;
using CustomerAddresses.Client.Protocol;

namespace CustomerAddresses.Client.Transport;

/// <summary>
/// Reads a response body inside the attempt that received it. HttpClient would otherwise read it after the
/// resilience pipeline has returned, so a connection lost halfway through a body could never be retried. One
/// page is held in memory, as the paginator holds one page anyway. A body larger than
/// <see cref="MaxBufferBytes"/> is refused rather than buffered, and a body cut off is a
/// <see cref="HttpRequestException"/> (<see cref="HttpRequestError.ResponseEnded"/>).
/// </summary>
internal static class ResponseBuffer
{
    internal const int MaxBufferBytes = 32 * 1024 * 1024;

    /// <summary>Replaces the response's content by its bytes, read now into a pooled array; disposes the response if that fails.</summary>
    internal static async ValueTask BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            HttpContent original = response.Content;
            if (original.Headers.ContentLength > MaxBufferBytes)
            {
                throw new ResponseTooLargeException(MaxBufferBytes); // refused before a byte is read
            }

            (byte[] rented, int length, bool truncated) = await ReadAsync(original, cancellationToken).ConfigureAwait(false);
            if (truncated)
            {
                ArrayPool<byte>.Shared.Return(rented);
                throw new ResponseTooLargeException(MaxBufferBytes);
            }

            var buffered = new PooledBufferContent(rented, length);
            foreach (KeyValuePair<string, HeaderStringValues> header in original.Headers.NonValidated)
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = buffered;
            original.Dispose();
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async ValueTask<(byte[] Rented, int Length, bool Truncated)> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            return await BodyReader.ReadPooledAsync(content, MaxBufferBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The connection was lost while the response body was read.", e);
        }
    }
}
