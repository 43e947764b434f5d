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
    /// Reads the whole body into an array rented from the shared pool (the caller returns it), or reports that it
    /// is longer than <paramref name="maxBytes"/>, in which case nothing is left rented.
    /// </summary>
    internal static async Task<(byte[] Rented, int Length, bool Truncated)> ReadPooledAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        long? declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            return ([], 0, true);
        }

        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(declared is { } known ? Math.Max((int)known, 1) : 16 * 1024);
        int length = 0;
        try
        {
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (length >= maxBytes)
                        {
                            int extra = await stream.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false);
                            if (extra > 0)
                            {
                                ArrayPool<byte>.Shared.Return(buffer);
                                return ([], 0, true);
                            }

                            return (buffer, length, false);
                        }

                        byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxBytes, (long)buffer.Length * 2));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
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
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
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
