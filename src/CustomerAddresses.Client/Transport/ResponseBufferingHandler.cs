using CustomerAddresses.Client.Diagnostics;

namespace CustomerAddresses.Client.Transport;

/// <summary>
/// The innermost handler of the chain: reads each response body inside the attempt that received it
/// (<see cref="ResponseBuffer"/>), below the resilience handler (which a caller may replace under dependency injection),
/// so that a body cut off halfway is a failed attempt, retried like any other.
/// </summary>
/// <remarks>Each attempt, and each 429 among their answers, is counted here (<see cref="ClientCounters"/>).</remarks>
internal sealed class ResponseBufferingHandler(ClientCounters counters) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        counters.Attempted();
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
        {
            counters.RateLimited();
        }

        await ResponseBuffer.BufferAsync(response, cancellationToken).ConfigureAwait(false);
        return response;
    }
}
