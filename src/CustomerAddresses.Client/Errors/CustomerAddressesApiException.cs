using System.Net;
using CustomerAddresses.Client.Errors;

namespace CustomerAddresses.Client;

/// <summary>
/// The server answered a request with an error, or with a body the client could not read. Subclasses name
/// the common cases; catch this type to handle them all.
/// </summary>
/// <remarks>
/// Nothing here ever holds the API key or session token: they are removed from the body excerpt and
/// from every server-supplied text before the exception is built.
/// </remarks>
public class CustomerAddressesApiException : Exception
{
    private string? _errorType;
    private string? _errorCode;
    private string? _detail;
    private string? _documentationUrl;
    private IReadOnlyList<ApiFieldError> _fieldErrors = [];
    private string? _requestId;
    private TimeSpan? _retryAfter;
    private string? _responseExcerpt;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="statusCode">The HTTP status code of the response.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public CustomerAddressesApiException(HttpStatusCode statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>Gets the HTTP status code of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets the error type the server gave, such as <c>request_error</c> or <c>api_error</c>.</summary>
    public string? ErrorType { get => _errorType; init => _errorType = value; }

    /// <summary>Gets the machine-readable error code the server gave, such as <c>invalid_field</c> or <c>not_found</c>.</summary>
    public string? ErrorCode { get => _errorCode; init => _errorCode = value; }

    /// <summary>Gets the human-readable explanation the server gave.</summary>
    public string? Detail { get => _detail; init => _detail = value; }

    /// <summary>Gets the link to the server's documentation of this error, if it gave one.</summary>
    public string? DocumentationUrl { get => _documentationUrl; init => _documentationUrl = value; }

    /// <summary>Gets the per-field problems the server reported; empty when it reported none.</summary>
    public IReadOnlyList<ApiFieldError> FieldErrors { get => _fieldErrors; init => _fieldErrors = value ?? []; }

    /// <summary>Gets the server's id for the request (from <c>meta.request_id</c>, <c>Request-Id</c> or <c>X-Request-Id</c>); quote it to support.</summary>
    public string? RequestId { get => _requestId; init => _requestId = value; }

    /// <summary>Gets how long the server asked the client to wait before trying again (<c>Retry-After</c>), if it said.</summary>
    public TimeSpan? RetryAfter { get => _retryAfter; init => _retryAfter = value; }

    /// <summary>Gets the start of the response body, truncated and with credentials removed; useful when the body was not the API's JSON.</summary>
    public string? ResponseExcerpt { get => _responseExcerpt; init => _responseExcerpt = value; }

    /// <summary>Initializes a new instance from what the error reader found, already stripped of credentials.</summary>
    internal CustomerAddressesApiException(HttpStatusCode statusCode, string message, ApiErrorDetails details, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        _errorType = details.Type;
        _errorCode = details.Code;
        _detail = details.Detail;
        _documentationUrl = details.DocumentationUrl;
        _fieldErrors = details.FieldErrors;
        _requestId = details.RequestId;
        _retryAfter = details.RetryAfter;
        _responseExcerpt = details.ResponseExcerpt;
    }
}
