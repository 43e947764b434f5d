using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http.Headers;
using CustomerAddresses.Client.Protocol;

namespace CustomerAddresses.Client;

/// <summary>
/// What the server said about a call that succeeded, besides the resource: the status, its request id (what the API's
/// support asks for), the client request id the call sent, and the headers. Returned by the overloads that take
/// <see cref="RequestOptions"/>, and on every <see cref="Page{T}"/>.
/// </summary>
/// <remarks>
/// The headers are the response's as received, except the two that carry the session token (<c>Set-Cookie</c> and
/// <c>X-Development-Session</c>): the client takes the token from them itself (see
/// <see cref="CustomerAddressesClientOptions.SessionTokenRotated"/>), and leaves it out of everything it hands over.
/// </remarks>
public class ApiResponse
{
    private static readonly string[] s_sessionHeaders = [SessionHeaders.SetCookieHeader, SessionHeaders.DevelopmentSessionHeader];

    private readonly HttpResponseHeaders? _headers;
    private readonly HttpContentHeaders? _contentHeaders;

    /// <summary>Initializes the metadata of a response; <see cref="CustomerAddressesModelFactory"/> makes one for a test.</summary>
    /// <param name="statusCode">The status.</param>
    /// <param name="requestId">The server's request id, if it gave one.</param>
    /// <param name="clientRequestId">The <c>X-Client-Request-Id</c> the call sent.</param>
    /// <param name="headers">The response's headers, if any.</param>
    /// <param name="contentHeaders">The response content's headers, if any.</param>
    internal ApiResponse(HttpStatusCode statusCode, string? requestId, string? clientRequestId, HttpResponseHeaders? headers, HttpContentHeaders? contentHeaders)
    {
        StatusCode = statusCode;
        RequestId = requestId;
        ClientRequestId = clientRequestId;
        _headers = headers;
        _contentHeaders = contentHeaders;
    }

    /// <summary>Gets the status of the response, such as <see cref="HttpStatusCode.OK"/> or <see cref="HttpStatusCode.Created"/>.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets the server's id for the request (the body's <c>meta.request_id</c>, or a <c>Request-Id</c> / <c>X-Request-Id</c> header), if it gave one.</summary>
    public string? RequestId { get; }

    /// <summary>Gets the <c>X-Client-Request-Id</c> the call sent, the same on every attempt.</summary>
    public string? ClientRequestId { get; }

    /// <summary>Gets the response's headers and its content's headers, by name, without the two that carry the session token.</summary>
    public IEnumerable<KeyValuePair<string, IEnumerable<string>>> Headers =>
        (_headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .Concat(_contentHeaders ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .Where(h => !IsSessionHeader(h.Key));

    /// <summary>Gets the first value of a header of the response or of its content.</summary>
    /// <param name="name">The header's name, in any case.</param>
    /// <param name="value">Its first value, when the response has it.</param>
    /// <returns>Whether the response has the header (never for <c>Set-Cookie</c> and <c>X-Development-Session</c>).</returns>
    public bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        value = null;
        if (IsSessionHeader(name))
        {
            return false;
        }

        IEnumerable<string>? values = null;
        if (_headers?.TryGetValues(name, out values) != true)
        {
            _contentHeaders?.TryGetValues(name, out values);
        }

        value = values?.FirstOrDefault();
        return value is not null;
    }

    /// <summary>Describes the response by its status and request ids: never a header, a token or the body.</summary>
    /// <returns>Such as <c>200 OK (request id 5c1c…, client request id 0f6e…)</c>.</returns>
    public override string ToString() =>
        $"{(int)StatusCode} {StatusCode} (request id {RequestId ?? "none"}, client request id {ClientRequestId ?? "none"})";

    private static bool IsSessionHeader(string name) => s_sessionHeaders.Contains(name, StringComparer.OrdinalIgnoreCase);
}

/// <summary>A resource the server returned, with what it said about the call (see <see cref="ApiResponse"/>).</summary>
/// <typeparam name="T">The resource.</typeparam>
public sealed class ApiResponse<T> : ApiResponse
{
    internal ApiResponse(T value, HttpStatusCode statusCode, string? requestId, string? clientRequestId, HttpResponseHeaders? headers, HttpContentHeaders? contentHeaders)
        : base(statusCode, requestId, clientRequestId, headers, contentHeaders) =>
        Value = value;

    /// <summary>Gets the resource.</summary>
    public T Value { get; }
}
