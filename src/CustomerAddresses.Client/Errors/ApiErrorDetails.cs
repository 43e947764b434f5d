namespace CustomerAddresses.Client.Errors;

/// <summary>What the error reader found in a response, already stripped of credentials.</summary>
internal sealed record ApiErrorDetails(
    string? Type,
    string? Code,
    string? Detail,
    string? DocumentationUrl,
    IReadOnlyList<ApiFieldError> FieldErrors,
    string? RequestId,
    TimeSpan? RetryAfter,
    string? ResponseExcerpt);
