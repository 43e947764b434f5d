namespace CustomerAddresses.Client.Http;

/// <summary>
/// The route of a request with its ids replaced by names (<c>customers/{customer_id}/addresses</c>), for log
/// lines: no id, no query string (a search may hold personal data), no credential.
/// </summary>
internal static class RouteTemplate
{
    internal static string Of(HttpRequestMessage request, Uri baseAddress)
    {
        if (request.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            return "(unknown)";
        }

        string path = uri.AbsolutePath;
        string basePath = baseAddress.AbsolutePath;
        string relative = path.StartsWith(basePath, StringComparison.Ordinal) ? path[basePath.Length..] : path.TrimStart('/');
        string[] segments = relative.Split('/');
        for (int i = 1; i < segments.Length; i++)
        {
            segments[i] = segments[i - 1] switch
            {
                "customers" => "{customer_id}",
                "addresses" => "{address_id}",
                "organizations" => "{id}",
                _ => segments[i],
            };
        }

        return string.Join('/', segments);
    }
}
