using CustomerAddresses.Client.Diagnostics;

namespace CustomerAddresses.Client.Protocol.Errors;

/// <summary>
/// What an error body says, in the server's own words, whichever dialect it was written in. Every text member a
/// server controls is a string here, so that <see cref="Redact"/> strips credentials from all of them at once.
/// </summary>
internal sealed record ParsedError(
    bool IsJson,
    string? Type,
    string? Code,
    string? Detail,
    string? DocumentationUrl,
    IReadOnlyList<ApiFieldError> Fields,
    string? RequestId)
{
    internal static ParsedError NotJson { get; } = new(false, null, null, null, null, [], null);

    /// <summary>A JSON body that names nothing the client understands.</summary>
    internal static ParsedError EmptyJson { get; } = NotJson with { IsJson = true };

    /// <summary>
    /// Whether a 404 says the server knows no such deployment (Wacht's <c>{"message":"Deployment not found"}</c>, outside
    /// its envelope): the base address is wrong, and no resource is missing.
    /// </summary>
    internal bool IsUnknownDeployment =>
        IsJson && Type is null && Fields.Count == 0 && string.Equals(Detail?.Trim(), "Deployment not found", StringComparison.OrdinalIgnoreCase);

    /// <summary>The same error with every credential removed from every text: the one place errors are redacted.</summary>
    internal ParsedError Redact(SecretRedactor redactor) => this with
    {
        Type = redactor.Redact(Type),
        Code = redactor.Redact(Code),
        Detail = redactor.Redact(Detail),
        DocumentationUrl = redactor.Redact(DocumentationUrl),
        Fields = Fields.Select(f => new ApiFieldError(redactor.Redact(f.Field), redactor.Redact(f.Message), redactor.Redact(f.Code))).ToArray(),
        RequestId = redactor.Redact(RequestId),
    };
}
