using System.Net;

namespace CustomerAddresses.Client.Transport;

/// <summary>The socket handler every client uses unless the caller replaces it.</summary>
internal static class PrimaryHandler
{
    /// <summary>
    /// Redirects are not followed: a redirect to another origin must not carry credentials, and a POST must not be
    /// replayed somewhere else. Cookies are not managed by a container, so the session cookie is exactly the one
    /// set by <see cref="ClientRequestHandler"/>.
    /// </summary>
    internal static SocketsHttpHandler Create() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
