using System.Net.Http.Headers;

using CustomerAddresses.Client.Configuration;

namespace CustomerAddresses.Client.Transport;

/// <summary>
/// Adds the API key (<c>Authorization: Bearer</c>) and the session cookie (<c>__session</c>) to requests bound for
/// the base address's origin, and to no other.
/// </summary>
internal sealed class AuthenticationHandler : DelegatingHandler
{
    private readonly ClientSettings _settings;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly string? _cookie;

    internal AuthenticationHandler(ClientSettings settings)
    {
        _settings = settings;
        _authorization = settings.ApiKey is null ? null : new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        _cookie = settings.SessionToken is null ? null : "__session=" + settings.SessionToken;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("Cookie");
        if (_settings.IsSameOrigin(request.RequestUri))
        {
            if (_authorization is not null)
            {
                request.Headers.Authorization = _authorization;
            }

            if (_cookie is not null)
            {
                request.Headers.TryAddWithoutValidation("Cookie", _cookie);
            }
        }
        else
        {
            request.Headers.Authorization = null;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
