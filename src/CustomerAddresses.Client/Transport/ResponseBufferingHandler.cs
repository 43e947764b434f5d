using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Diagnostics;
using CustomerAddresses.Client.Protocol;
using CustomerAddresses.Client.RateLimiting;

namespace CustomerAddresses.Client.Transport;

/// <summary>
/// The innermost handler of the chain: reads each response body inside the attempt that received it
/// (<see cref="ResponseBuffer"/>), below the resilience handler (which a caller may replace under dependency injection),
/// so that a body cut off halfway is a failed attempt, retried like any other.
/// </summary>
/// <remarks>
/// Each attempt, and each 429 among their answers with its <c>Retry-After</c>, is counted here
/// (<see cref="ClientCounters"/>), and told to a <see cref="LearningPacer"/> when the client learns its limit.
/// </remarks>
internal sealed class ResponseBufferingHandler(ClientSettings settings) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ClientCounters counters = settings.Counters;
        counters.Attempted();
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        bool limited = response.StatusCode == System.Net.HttpStatusCode.TooManyRequests;
        TimeSpan? wait = limited ? ResponseHeaders.RetryAfter(response, settings.TimeProvider) : null;
        if (limited)
        {
            counters.RateLimited(wait is { } w ? settings.TimeProvider.GetUtcNow() + w : null);
        }

        (settings.Limiter as LearningPacer)?.Answered(limited, wait, limited ? ResponseHeaders.StatedRequestsPerMinute(response) : null);

        await ResponseBuffer.BufferAsync(response, cancellationToken).ConfigureAwait(false);
        return response;
    }
}
