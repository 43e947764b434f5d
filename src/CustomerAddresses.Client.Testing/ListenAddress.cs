using System.Net;

namespace CustomerAddresses.Client.Testing;

/// <summary>The emulator's listen address, checked before anything starts.</summary>
internal static class ListenAddress
{
    /// <summary>
    /// Where <see cref="CustomerAddressesEmulatorOptions.Url"/> says to listen: <c>http://</c>, then an IP address,
    /// <c>localhost</c>, <c>*</c> or <c>+</c> (every address), and a port; nothing after it.
    /// </summary>
    /// <exception cref="ArgumentException">The URL is anything else, such as a host name or an IP address out of range.</exception>
    internal static IPEndPoint Parse(string? url)
    {
        string problem = $"The emulator's Url must be http://host:port with an IP address, localhost, * or + as the host, such as http://127.0.0.1:0; '{url}' is not.";
        if (url is null)
        {
            throw new ArgumentException(problem, nameof(url));
        }

        string normalized = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out Uri? uri)
            || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0
            || normalized.TrimEnd('/').EndsWith('?') || normalized.TrimEnd('/').EndsWith('#'))
        {
            throw new ArgumentException(problem, nameof(url));
        }

        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress? address))
        {
            return new IPEndPoint(address, uri.Port);
        }

        return string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            ? new IPEndPoint(IPAddress.Loopback, uri.Port)
            : throw new ArgumentException(problem, nameof(url));
    }
}
