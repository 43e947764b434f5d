using System.Net;
using CustomerAddresses.Client.Errors;

namespace CustomerAddresses.Client;

/// <summary>The server is rate-limiting this client (429); <see cref="CustomerAddressesApiException.RetryAfter"/> says how long to wait.</summary>
public sealed class RateLimitedException : CustomerAddressesApiException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="statusCode">The HTTP status code of the response.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public RateLimitedException(HttpStatusCode statusCode, string message, Exception? innerException = null)
        : base(statusCode, message, innerException)
    {
    }

    /// <summary>Initializes a new instance from what the error reader found.</summary>
    internal RateLimitedException(HttpStatusCode statusCode, string message, ApiErrorDetails details, Exception? innerException = null)
        : base(statusCode, message, details, innerException)
    {
    }
}
