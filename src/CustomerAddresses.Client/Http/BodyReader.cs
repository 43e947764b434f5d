using System.Buffers;

namespace CustomerAddresses.Client.Http;

/// <summary>Reads response bodies without ever buffering more than a fixed number of bytes.</summary>
internal static class BodyReader
{
    /// <summary>Reads at most <paramref name="maxBytes"/> bytes; anything beyond is left unread.</summary>
    internal static async Task<byte[]> ReadPrefixAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        (byte[] buffer, int length, _) = await ReadAsync(content, maxBytes, cancellationToken).ConfigureAwait(false);
        return buffer.AsSpan(0, length).ToArray();
    }

    /// <summary>
    /// Reads the whole body into a right-sized array, or reports that it is longer than <paramref name="maxBytes"/>.
    /// </summary>
    internal static async Task<(byte[] Buffer, int Length, bool Truncated)> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        long? declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            return ([], 0, true);
        }

        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            byte[] buffer = new byte[declared is { } known ? (int)known : Math.Min(maxBytes, 16 * 1024)];
            int length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length >= maxBytes)
                    {
                        // One more byte tells whether the body really is longer than allowed.
                        byte[] probe = ArrayPool<byte>.Shared.Rent(1);
                        try
                        {
                            int extra = await stream.ReadAsync(probe.AsMemory(0, 1), cancellationToken).ConfigureAwait(false);
                            return (buffer, length, extra > 0);
                        }
                        finally
                        {
                            ArrayPool<byte>.Shared.Return(probe);
                        }
                    }

                    Array.Resize(ref buffer, (int)Math.Min(maxBytes, (long)buffer.Length * 2 + 1));
                }

                int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer, length, false);
                }

                length += read;
            }
        }
    }
}
