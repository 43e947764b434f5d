using System.Buffers;

namespace CustomerAddresses.Client.Protocol;

/// <summary>Reads response bodies into pooled arrays without ever holding more than a fixed number of bytes.</summary>
internal static class BodyReader
{
    /// <summary>The most allocated before any byte has arrived.</summary>
    internal const int InitialBytes = 64 * 1024;

    /// <summary>
    /// Reads at most <paramref name="maxBytes"/> bytes into an array rented from the shared pool; the caller returns
    /// it. <c>Truncated</c> says the body went on past the limit (the array then holds its first bytes).
    /// </summary>
    internal static async ValueTask<(byte[] Rented, int Length, bool Truncated)> ReadPooledAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        long? declared = content.Headers.ContentLength;
        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        // A declared length is a promise, not bytes: start small and grow as bytes arrive, so a lying Content-Length
        // cannot make the client hold memory it never fills.
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(declared ?? InitialBytes, 1, Math.Min(InitialBytes, maxBytes)));
        int length = 0;
        try
        {
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (length >= maxBytes)
                    {
                        // One more byte tells whether the body really is longer than allowed.
                        bool more = await stream.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) > 0;
                        return (buffer, length, more);
                    }

                    if (length == buffer.Length)
                    {
                        byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxBytes, (long)buffer.Length * 2));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    int read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, maxBytes) - length), cancellationToken).ConfigureAwait(false);
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

    /// <summary>Reads at most <paramref name="maxBytes"/> bytes; anything beyond is left unread.</summary>
    internal static async Task<byte[]> ReadPrefixAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        (byte[] rented, int length, _) = await ReadPooledAsync(content, maxBytes, cancellationToken).ConfigureAwait(false);
        byte[] prefix = rented.AsSpan(0, length).ToArray();
        ArrayPool<byte>.Shared.Return(rented);
        return prefix;
    }
}
