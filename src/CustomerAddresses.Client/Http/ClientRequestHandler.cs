using Polly.Timeout;

namespace CustomerAddresses.Client.Http;

/// <summary>
/// The outermost handler: gives every call one <c>X-Client-Request-Id</c> that stays the same on every attempt, so
/// server logs can join the attempts of one call, and turns the pipeline's timeout into a
/// <see cref="TimeoutException"/> so that no Polly type reaches the caller.
/// </summary>
internal sealed class ClientRequestHandler : DelegatingHandler
{
    /// <summary>The correlation header; documented in the README.</summary>
    internal const string HeaderName = "X-Client-Request-Id";

    private readonly ClientSettings _settings;

    internal ClientRequestHandler(ClientSettings settings) => _settings = settings;

    internal static string? IdOf(HttpRequestMessage request) =>
        request.Headers.TryGetValues(HeaderName, out IEnumerable<string>? values) ? values.FirstOrDefault() : null;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.Contains(HeaderName))
        {
            request.Headers.TryAddWithoutValidation(HeaderName, Guid.NewGuid().ToString("D"));
        }

        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            throw new TimeoutException(
                $"{request.Method} {RouteTemplate.Of(request, _settings.BaseAddress)} did not complete within {e.Timeout.TotalSeconds:0.###} s " +
                $"(attempt timeout {_settings.AttemptTimeout.TotalSeconds:0.###} s, total timeout {_settings.TotalTimeout.TotalSeconds:0.###} s). " +
                $"Client request id: {IdOf(request)}.");
        }
    }
}
