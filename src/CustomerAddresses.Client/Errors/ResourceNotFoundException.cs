using System.Net;
using CustomerAddresses.Client.Errors;

namespace CustomerAddresses.Client;

/// <summary>
/// The customer, address or billing address does not exist (404). A 404 that says the server knows no such deployment
/// (a wrong base address) is a plain <see cref="CustomerAddressesApiException"/> instead, whose message says so.
/// </summary>
public sealed class ResourceNotFoundException : CustomerAddressesApiException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="statusCode">The HTTP status code of the response.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public ResourceNotFoundException(HttpStatusCode statusCode, string message, Exception? innerException = null)
        : base(statusCode, message, innerException)
    {
    }

    /// <summary>Initializes a new instance from what the error reader found.</summary>
    internal ResourceNotFoundException(HttpStatusCode statusCode, string message, ApiErrorDetails details, Exception? innerException = null)
        : base(statusCode, message, details, innerException)
    {
    }
}
