using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerAddresses.Client.Http;

namespace CustomerAddresses.Client.Errors;

/// <summary>
/// Turns an error response into the matching <see cref="CustomerAddressesApiException"/>. Reads the Paddle
/// error envelope, the seed 004 envelope (<c>status</c>/<c>message</c>/<c>errors</c>), RFC 7807 problem
/// details, and anything else (an HTML page from a proxy, an empty body) as status plus excerpt.
/// </summary>
internal static partial class ApiErrorReader
{
    /// <summary>How much of an error body is read at most; the rest is never buffered.</summary>
    internal const int MaxBodyBytes = 64 * 1024;

    /// <summary>How many characters of the body the exception keeps.</summary>
    internal const int ExcerptLength = 512;

    /// <summary>How many characters of a non-JSON body go into the message itself.</summary>
    private const int MessageExcerptLength = 160;

    internal static async Task<CustomerAddressesApiException> ReadAsync(
        HttpResponseMessage response,
        string operation,
        SecretRedactor redactor,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        byte[] body = await BodyReader.ReadPrefixAsync(response.Content, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        ErrorBody parsed = Parse(body);
        string? excerpt = redactor.Redact(Excerpt(body, ExcerptLength));
        string? detail = redactor.Redact(parsed.Detail);
        IReadOnlyList<ApiFieldError> fields = parsed.Fields
            .Select(f => new ApiFieldError(redactor.Redact(f.Field), redactor.Redact(f.Message), redactor.Redact(f.Code)))
            .ToArray();
        string? requestId = redactor.Redact(parsed.RequestId ?? ResponseReader.RequestIdHeader(response));
        TimeSpan? retryAfter = RetryAfter(response, timeProvider);
        string message = Message(operation, response, parsed.Code, detail, fields, requestId, parsed.IsJson ? null : excerpt, retryAfter);

        HttpStatusCode status = response.StatusCode;
        CustomerAddressesApiException exception = (int)status switch
        {
            400 or 422 => new ValidationFailedException(status, message),
            401 => new AuthenticationFailedException(status, message),
            403 when parsed.Code is "authentication_missing" or "invalid_token" => new AuthenticationFailedException(status, message),
            403 => new PermissionDeniedException(status, message),
            404 => new ResourceNotFoundException(status, message),
            // The id is looked for in the server's own words: an id is not a credential, and redacting a very
            // short credential first could cut the id in two.
            409 => new ConflictException(status, message) { ExistingId = FindExistingId(parsed.Detail, parsed.Fields) },
            429 => new RateLimitedException(status, message),
            >= 500 and <= 599 => new ServerErrorException(status, message),
            _ => new CustomerAddressesApiException(status, message),
        };

        return exception.WithDetails(new ApiErrorDetails(
            redactor.Redact(parsed.Type),
            redactor.Redact(parsed.Code),
            detail,
            redactor.Redact(parsed.DocumentationUrl),
            fields,
            requestId,
            retryAfter,
            excerpt));
    }

    private static string Message(
        string operation,
        HttpResponseMessage response,
        string? code,
        string? detail,
        IReadOnlyList<ApiFieldError> fields,
        string? requestId,
        string? excerpt,
        TimeSpan? retryAfter)
    {
        var text = new StringBuilder();
        text.Append(operation).Append(" failed: ").Append((int)response.StatusCode);
        if (!string.IsNullOrEmpty(response.ReasonPhrase))
        {
            text.Append(' ').Append(OneLine(response.ReasonPhrase, 64));
        }

        if (!string.IsNullOrEmpty(code))
        {
            text.Append(" (").Append(OneLine(code, 64)).Append(')');
        }

        if (!string.IsNullOrEmpty(detail))
        {
            text.Append(": ").Append(OneLine(detail, 300));
        }
        else if (!string.IsNullOrEmpty(excerpt))
        {
            text.Append(": ").Append(OneLine(excerpt, MessageExcerptLength));
        }

        foreach (ApiFieldError field in fields.Take(5))
        {
            text.Append(field.Field is null ? " [" : $" [{OneLine(field.Field, 64)}: ").Append(OneLine(field.Message, 120)).Append(']');
        }

        if (retryAfter is { } wait)
        {
            text.Append(" Retry after ").Append(wait.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)).Append(" s.");
        }

        if (!string.IsNullOrEmpty(requestId))
        {
            text.Append(" Request id: ").Append(OneLine(requestId, 100)).Append('.');
        }

        return text.ToString();
    }

    /// <summary>Collapses white space and control characters and cuts to <paramref name="max"/> characters.</summary>
    internal static string OneLine(string text, int max)
    {
        var result = new StringBuilder(Math.Min(text.Length, max + 1));
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = result.Length > 0;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            if (result.Length >= max)
            {
                result.Append('…');
                break;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    internal static string? Excerpt(byte[] body, int maxChars)
    {
        if (body.Length == 0)
        {
            return null;
        }

        // Invalid UTF-8 becomes U+FFFD; the excerpt is for people, not for parsing.
        string text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, maxChars * 4));
        string line = OneLine(text, maxChars);
        return line.Length == 0 ? null : line;
    }

    internal static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        if (response.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            TimeSpan wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static string? FindExistingId(string? detail, IReadOnlyList<ApiFieldError> fields)
    {
        foreach (string? text in fields.Select(f => f.Message).Prepend(detail))
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

    private static ErrorBody Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            return ErrorBody.Empty;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ErrorBody.Empty with { IsJson = true };
            }

            string? requestId = root.TryGetProperty("meta", out JsonElement meta) && meta.ValueKind == JsonValueKind.Object
                ? String(meta, "request_id")
                : null;

            if (root.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.Object)
            {
                // Paddle: {"error":{"type","code","detail","documentation_url","errors":[{"field","message"}]},"meta":{"request_id"}}
                return new ErrorBody(
                    IsJson: true,
                    Type: String(error, "type"),
                    Code: String(error, "code"),
                    Detail: String(error, "detail") ?? String(error, "message"),
                    DocumentationUrl: String(error, "documentation_url"),
                    Fields: FieldErrors(error),
                    RequestId: requestId);
            }

            if (root.TryGetProperty("error", out error) && error.ValueKind == JsonValueKind.String)
            {
                return new ErrorBody(true, null, error.GetString(), String(root, "message") ?? String(root, "detail"), null, FieldErrors(root), requestId);
            }

            // Seed 004 ({"status","message","data","errors":[...]}) and RFC 7807 problem details ({"type","title","detail","errors"}).
            return new ErrorBody(
                IsJson: true,
                Type: null,
                Code: String(root, "code"),
                Detail: NonEmpty(String(root, "message")) ?? String(root, "detail") ?? String(root, "title"),
                DocumentationUrl: null,
                Fields: FieldErrors(root),
                RequestId: requestId);
        }
        catch (Exception e) when (ResponseReader.IsMalformedJson(e))
        {
            return ErrorBody.Empty;
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static List<ApiFieldError> FieldErrors(JsonElement container)
    {
        var result = new List<ApiFieldError>();
        if (!container.TryGetProperty("errors", out JsonElement errors))
        {
            return result;
        }

        if (errors.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in errors.EnumerateArray().Take(100))
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    result.Add(new ApiFieldError(null, item.GetString()!));
                }
                else if (item.ValueKind == JsonValueKind.Object)
                {
                    string? message = String(item, "message") ?? String(item, "detail");
                    string? field = String(item, "field") ?? String(item, "param") ?? String(item, "name");
                    string? code = String(item, "code");
                    if (message is not null || field is not null || code is not null)
                    {
                        result.Add(new ApiFieldError(field, message ?? code ?? string.Empty, code));
                    }
                }
            }
        }
        else if (errors.ValueKind == JsonValueKind.Object)
        {
            // RFC 7807 validation problems: {"errors":{"email":["is invalid"]}}
            foreach (JsonProperty property in errors.EnumerateObject().Take(100))
            {
                IEnumerable<JsonElement> messages = property.Value.ValueKind == JsonValueKind.Array
                    ? property.Value.EnumerateArray()
                    : [property.Value];
                foreach (JsonElement message in messages.Where(m => m.ValueKind == JsonValueKind.String))
                {
                    result.Add(new ApiFieldError(property.Name, message.GetString()!));
                }
            }
        }

        return result;
    }

    private sealed record ErrorBody(
        bool IsJson,
        string? Type,
        string? Code,
        string? Detail,
        string? DocumentationUrl,
        IReadOnlyList<ApiFieldError> Fields,
        string? RequestId)
    {
        internal static ErrorBody Empty { get; } = new(false, null, null, null, null, [], null);
    }
}
