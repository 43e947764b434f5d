using System.Text.Json;

namespace CustomerAddresses.Client.Protocol.Errors;

/// <summary>
/// The envelope of seed 004 (Wacht's frontend API):
/// <c>{"status":400,"message":"…","data":null,"errors":[{"code","message"}]}</c>, told by its numeric <c>status</c>
/// beside a <c>message</c> or <c>errors</c> and no RFC 7807 <c>title</c>.
/// </summary>
internal static class EnvelopeErrorParser
{
    internal static bool TryParse(JsonElement root, out ParsedError error)
    {
        // RFC 7807 carries a numeric status too, but names its problem with a title.
        if (!root.TryGetProperty("status", out JsonElement status) || status.ValueKind != JsonValueKind.Number
            || !(root.TryGetProperty("message", out _) || root.TryGetProperty("errors", out _))
            || root.TryGetProperty("title", out _))
        {
            error = ParsedError.EmptyJson;
            return false;
        }

        IReadOnlyList<ApiFieldError> fields = FieldErrorParser.Read(root);
        error = new ParsedError(
            IsJson: true,
            Type: null,
            Code: JsonMembers.String(root, "code") ?? fields.FirstOrDefault(f => f.Code is not null)?.Code, // Wacht: codes live on the items
            Detail: JsonMembers.NonEmpty(JsonMembers.String(root, "message")) ?? JsonMembers.String(root, "detail"),
            DocumentationUrl: null,
            Fields: fields,
            RequestId: JsonMembers.RequestId(root));
        return true;
    }
}
