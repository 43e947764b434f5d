using System.Net;
using CustomerAddresses.Client.Errors;

namespace CustomerAddresses.Client;

/// <summary>The request conflicts with the server's state (409), such as a customer whose email already exists.</summary>
public sealed class ConflictException : CustomerAddressesApiException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="statusCode">The HTTP status code of the response.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public ConflictException(HttpStatusCode statusCode, string message, Exception? innerException = null)
        : base(statusCode, message, innerException)
    {
    }

    /// <summary>Initializes a new instance from what the error reader found.</summary>
    internal ConflictException(HttpStatusCode statusCode, string message, ApiErrorDetails details, Exception? innerException = null)
        : base(statusCode, message, details, innerException)
    {
    }

    /// <summary>Gets the id of the existing resource the server named in its answer, if it named one.</summary>
    public string? ExistingId { get; init; }

    /// <summary>Gets the existing customer the server named (for <c>customer_already_exists</c>), if it named one.</summary>
    public CustomerId? ExistingCustomerId => CustomerId.TryParse(ExistingId, out CustomerId id) ? id : null;
}
