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

        error = new ParsedError(
            IsJson: true,
            Type: null,
            Code: JsonMembers.String(root, "code"),
            Detail: JsonMembers.NonEmpty(JsonMembers.String(root, "message")) ?? JsonMembers.String(root, "detail"),
            DocumentationUrl: null,
            Fields: FieldErrorParser.Read(root),
            RequestId: JsonMembers.RequestId(root));
        return true;
    }
}
