namespace CustomerAddresses.Client.Transport;

/// <summary>
/// The innermost handler of the chain: reads each response body inside the attempt that received it
/// (<see cref="ResponseBuffer"/>), below the resilience handler (which a caller may replace under dependency injection),
/// so that a body cut off halfway is a failed attempt, retried like any other.
/// </summary>
internal sealed class ResponseBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await ResponseBuffer.BufferAsync(response, cancellationToken).ConfigureAwait(false);
        return response;
    }
}
