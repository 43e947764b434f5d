using System.Net;
using System.Text.RegularExpressions;
using CustomerAddresses.Client.Errors;

namespace CustomerAddresses.Client.Protocol.Errors;

/// <summary>The one table from status and error code to the exception type a caller catches.</summary>
internal static partial class ExceptionTable
{
    private delegate CustomerAddressesApiException Factory(HttpStatusCode status, string message, ApiErrorDetails details, ParsedError unredacted);

    /// <summary>Rows are tried in order; a row with a null code matches any code of its status range.</summary>
    private static readonly (int From, int To, string[]? Codes, Factory Create)[] s_rows =
    [
        (400, 400, null, static (s, m, d, _) => new ValidationFailedException(s, m, d)),
        (422, 422, null, static (s, m, d, _) => new ValidationFailedException(s, m, d)),
        (401, 401, null, static (s, m, d, _) => new AuthenticationFailedException(s, m, d)),
        (403, 403, [PaddleErrorCodes.AuthenticationMissing, PaddleErrorCodes.AuthenticationMalformed, PaddleErrorCodes.InvalidToken], static (s, m, d, _) => new AuthenticationFailedException(s, m, d)),
        (403, 403, null, static (s, m, d, _) => new PermissionDeniedException(s, m, d)),
        (404, 404, null, static (s, m, d, raw) => raw.IsUnknownDeployment ? new CustomerAddressesApiException(s, m, d) : new ResourceNotFoundException(s, m, d)),
        // Only a duplicate names an existing resource: Paddle's conflict and concurrent_modification name ids too.
        (409, 409, [PaddleErrorCodes.CustomerAlreadyExists, null!], static (s, m, d, raw) => new ConflictException(s, m, d) { ExistingId = FindExistingId(raw) }),
        (409, 409, null, static (s, m, d, _) => new ConflictException(s, m, d)),
        (429, 429, null, static (s, m, d, _) => new RateLimitedException(s, m, d)),
        (500, 599, null, static (s, m, d, _) => new ServerErrorException(s, m, d)),
    ];

    /// <param name="status">The response status.</param>
    /// <param name="message">The formatted, credential-free message.</param>
    /// <param name="details">The redacted error.</param>
    /// <param name="unredacted">The server's own words, read only for an existing resource's id: an id is not a
    /// credential, and redacting a very short credential first could cut the id in two.</param>
    internal static CustomerAddressesApiException Create(HttpStatusCode status, string message, ApiErrorDetails details, ParsedError unredacted)
    {
        int code = (int)status;
        foreach ((int from, int to, string[]? codes, Factory create) in s_rows)
        {
            if (code >= from && code <= to && (codes is null || Array.IndexOf(codes, unredacted.Code) >= 0))
            {
                return create(status, message, details, unredacted);
            }
        }

        return new CustomerAddressesApiException(status, message, details);
    }

    private static string? FindExistingId(ParsedError error)
    {
        foreach (string? text in error.Fields.Select(f => f.Message).Prepend(error.Detail))
        {
            if (text is not null && ExistingIdPattern().Match(text) is { Success: true } match)
            {
                return match.Value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(?:ctm|cus|add|billing)_[A-Za-z0-9_-]+", RegexOptions.CultureInvariant)]
    private static partial Regex ExistingIdPattern();
}
