using System.Net;
using CustomerAddresses.Client.Errors;

namespace CustomerAddresses.Client;

/// <summary>
/// The credentials are valid but not allowed to do this (403). For organization billing addresses this also means
/// that the session's user is not a member of the organization, or that there is no such organization: Wacht's server
/// answers all three with <c>403 "Insufficient permissions"</c>, so as not to reveal which organizations exist.
/// </summary>
public sealed class PermissionDeniedException : CustomerAddressesApiException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="statusCode">The HTTP status code of the response.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public PermissionDeniedException(HttpStatusCode statusCode, string message, Exception? innerException = null)
        : base(statusCode, message, innerException)
    {
    }

    /// <summary>Initializes a new instance from what the error reader found.</summary>
    internal PermissionDeniedException(HttpStatusCode statusCode, string message, ApiErrorDetails details, Exception? innerException = null)
        : base(statusCode, message, details, innerException)
    {
    }
}
