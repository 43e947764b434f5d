using System.Text;
using System.Text.Json;
using CustomerAddresses.Client.Diagnostics;

namespace CustomerAddresses.Client.Protocol.Errors;

/// <summary>
/// Picks the dialect an error body is written in (Paddle's, the flat one, seed 004's envelope, RFC 7807 problem details)
/// and parses it; a body that is not JSON is <see cref="ParsedError.NotJson"/>.
/// </summary>
internal static class ErrorBodyParser
{
    /// <summary>How many characters of the body an exception keeps.</summary>
    internal const int ExcerptLength = 512;

    internal static ParsedError Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            return ParsedError.NotJson;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body, Serialization.JsonLimits.DocumentOptions);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ParsedError.EmptyJson;
            }

            return PaddleErrorParser.TryParse(root, out ParsedError error)
                || FlatErrorParser.TryParse(root, out error)
                || EnvelopeErrorParser.TryParse(root, out error)
                ? error
                : ProblemDetailsParser.Parse(root);
        }
        catch (Exception e) when (MalformedJson.Is(e))
        {
            return ParsedError.NotJson;
        }
    }

    /// <summary>
    /// The excerpt of an answer to <paramref name="operation"/> that an exception may quote: none when the operation's
    /// answers carry credentials the client cannot know yet, so cannot mask.
    /// </summary>
    internal static string? ExcerptFor(OperationInfo operation, byte[]? body, SecretRedactor redactor) =>
        operation.HasSecretAnswers || body is null ? null : Excerpt(body, ExcerptLength, redactor);

    /// <summary>
    /// The start of a body as one line of text, for people rather than parsers; null when there is nothing to show.
    /// The whole body read is decoded, its JSON escapes undone (so <c>\u002B</c> is a <c>+</c> again) and the
    /// credentials masked before it is cut: a secret echoed across the cut, or longer than the excerpt, is still found.
    /// </summary>
    internal static string? Excerpt(byte[] body, int maxChars, SecretRedactor redactor)
    {
        if (body.Length == 0)
        {
            return null;
        }

        // Invalid UTF-8 becomes U+FFFD.
        string text = redactor.Redact(JsonEscapes.Undo(Encoding.UTF8.GetString(body)));
        string line = LogText.OneLine(text, maxChars);
        return line.Length == 0 ? null : line;
    }
}
