namespace CustomerAddresses.Client.Transport;

/// <summary>
/// Under dependency injection, the innermost handler: reads each response body inside the attempt that received it
/// (<see cref="ResponseBuffer"/>), below the resilience handler a caller may replace. The standalone client does the
/// same inside its one handler.
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
