using CustomerAddresses.Client.Diagnostics;
using CustomerAddresses.Client.Errors;

namespace CustomerAddresses.Client.Protocol.Errors;

/// <summary>
/// Turns an error response into the matching <see cref="CustomerAddressesApiException"/>: reads a bounded prefix of
/// the body, parses it in its dialect (<see cref="ErrorBodyParser"/>), redacts the parsed error once, formats the
/// message (<see cref="ErrorMessageFormatter"/>) and picks the type (<see cref="ExceptionTable"/>).
/// </summary>
internal static class ErrorResponseReader
{
    /// <summary>How much of an error body is read at most; the rest is never buffered.</summary>
    internal const int MaxBodyBytes = 64 * 1024;

    internal static async Task<CustomerAddressesApiException> ReadAsync(
        HttpResponseMessage response,
        OperationInfo operation,
        SecretRedactor redactor,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        byte[] body = await BodyReader.ReadPrefixAsync(response.Content, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        ParsedError parsed = ErrorBodyParser.Parse(body);
        ParsedError redacted = parsed.Redact(redactor);
        var details = new ApiErrorDetails(
            redacted.Type,
            redacted.Code,
            redacted.Detail,
            redacted.DocumentationUrl,
            redacted.Fields,
            redacted.RequestId ?? redactor.Redact(ResponseHeaders.RequestId(response)),
            ResponseHeaders.RetryAfter(response, timeProvider),
            ErrorBodyParser.ExcerptFor(operation, body, redactor));
        string message = ErrorMessageFormatter.Format(operation.Display, (int)response.StatusCode, redactor.Redact(response.ReasonPhrase), details, showExcerpt: !parsed.IsJson);
        if ((int)response.StatusCode == 404 && parsed.IsUnknownDeployment)
        {
            message += " The server knows no deployment at this base address: check BaseAddress.";
        }
        return ExceptionTable.Create(response.StatusCode, message, details, parsed);
    }
}
