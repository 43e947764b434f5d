using System.Globalization;
using System.Text;
using CustomerAddresses.Client.Diagnostics;
using CustomerAddresses.Client.Errors;

namespace CustomerAddresses.Client.Protocol.Errors;

/// <summary>Writes an error's message from its redacted details: one line, bounded, never a credential.</summary>
internal static class ErrorMessageFormatter
{
    /// <summary>How many characters of a non-JSON body go into the message itself.</summary>
    private const int MessageExcerptLength = 160;

    /// <param name="operation">The operation, as people name it.</param>
    /// <param name="status">The response status.</param>
    /// <param name="reasonPhrase">The response's reason phrase, already redacted.</param>
    /// <param name="details">The redacted error.</param>
    /// <param name="showExcerpt">Whether the body was not the API's JSON, so its excerpt says more than nothing.</param>
    internal static string Format(string operation, int status, string? reasonPhrase, ApiErrorDetails details, bool showExcerpt)
    {
        var text = new StringBuilder();
        text.Append(operation).Append(" failed: ").Append(status);
        if (!string.IsNullOrEmpty(reasonPhrase))
        {
            text.Append(' ').Append(LogText.OneLine(reasonPhrase, 64));
        }

        if (!string.IsNullOrEmpty(details.Code))
        {
            text.Append(" (").Append(LogText.OneLine(details.Code, 64)).Append(')');
        }

        if (!string.IsNullOrEmpty(details.Detail))
        {
            text.Append(": ").Append(LogText.OneLine(details.Detail, 300));
        }
        else if (showExcerpt && !string.IsNullOrEmpty(details.ResponseExcerpt))
        {
            text.Append(": ").Append(LogText.OneLine(details.ResponseExcerpt, MessageExcerptLength));
        }

        foreach (ApiFieldError field in details.FieldErrors.Take(5))
        {
            text.Append(field.Field is null ? " [" : $" [{LogText.OneLine(field.Field, 64)}: ").Append(LogText.OneLine(field.Message, 120)).Append(']');
        }

        if (details.RetryAfter is { } wait)
        {
            text.Append(" Retry after ").Append(wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)).Append(" s.");
        }

        if (!string.IsNullOrEmpty(details.RequestId))
        {
            text.Append(" Request id: ").Append(LogText.OneLine(details.RequestId, 100)).Append('.');
        }

        return text.ToString();
    }
}
