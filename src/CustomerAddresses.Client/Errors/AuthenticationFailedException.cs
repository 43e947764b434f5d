using System.Net;
using CustomerAddresses.Client.Errors;

namespace CustomerAddresses.Client;

/// <summary>The server did not accept the credentials (401, or 403 with <c>authentication_missing</c> or <c>invalid_token</c>).</summary>
public sealed class AuthenticationFailedException : CustomerAddressesApiException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="statusCode">The HTTP status code of the response.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public AuthenticationFailedException(HttpStatusCode statusCode, string message, Exception? innerException = null)
        : base(statusCode, message, innerException)
    {
    }

    /// <summary>Initializes a new instance from what the error reader found.</summary>
    internal AuthenticationFailedException(HttpStatusCode statusCode, string message, ApiErrorDetails details, Exception? innerException = null)
        : base(statusCode, message, details, innerException)
    {
    }
}
