namespace CustomerAddresses.Client.Http;

/// <summary>
/// Reads each response body inside the attempt that received it. HttpClient would otherwise read it after the
/// resilience pipeline has returned, so a connection lost halfway through a body could never be retried. One
/// page is held in memory, as the paginator holds one page anyway.
/// </summary>
internal sealed class ResponseBufferingHandler : DelegatingHandler
{
    /// <summary>Larger bodies fail the attempt rather than exhaust memory.</summary>
    internal const long MaxBufferBytes = 32L * 1024 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
#if NET9_0_OR_GREATER
            await response.Content.LoadIntoBufferAsync(MaxBufferBytes, cancellationToken).ConfigureAwait(false);
#else
            await response.Content.LoadIntoBufferAsync(MaxBufferBytes).WaitAsync(cancellationToken).ConfigureAwait(false);
#endif
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
