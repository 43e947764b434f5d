namespace CustomerAddresses.Client.Transport;

/// <summary>A response body over the size the client reads. Trying again would fetch the same body, so it is not retried.</summary>
internal sealed class ResponseTooLargeException(int limit)
    : HttpRequestException(HttpRequestError.InvalidResponse, $"The response body is larger than {limit / (1024 * 1024)} MiB, so it was not read.")
{
}
