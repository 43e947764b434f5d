using System.Net;
using CustomerAddresses.Client.Errors;

namespace CustomerAddresses.Client;

/// <summary>The server, or a proxy or CDN in front of it, failed (5xx). A create that ends this way may or may not have taken effect.</summary>
public sealed class ServerErrorException : CustomerAddressesApiException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="statusCode">The HTTP status code of the response.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public ServerErrorException(HttpStatusCode statusCode, string message, Exception? innerException = null)
        : base(statusCode, message, innerException)
    {
    }

    /// <summary>Initializes a new instance from what the error reader found.</summary>
    internal ServerErrorException(HttpStatusCode statusCode, string message, ApiErrorDetails details, Exception? innerException = null)
        : base(statusCode, message, details, innerException)
    {
    }
}
