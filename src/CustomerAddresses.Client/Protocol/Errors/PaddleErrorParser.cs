using System.Text.Json;

namespace CustomerAddresses.Client.Protocol.Errors;

/// <summary>
/// Paddle's error envelope:
/// <c>{"error":{"type","code","detail","documentation_url","errors":[{"field","message"}]},"meta":{"request_id"}}</c>.
/// </summary>
internal static class PaddleErrorParser
{
    internal static bool TryParse(JsonElement root, out ParsedError error)
    {
        if (!root.TryGetProperty("error", out JsonElement body) || body.ValueKind != JsonValueKind.Object)
        {
            error = ParsedError.EmptyJson;
            return false;
        }

        error = new ParsedError(
            IsJson: true,
            Type: JsonMembers.String(body, "type"),
            Code: JsonMembers.String(body, "code"),
            Detail: JsonMembers.String(body, "detail") ?? JsonMembers.String(body, "message"),
            DocumentationUrl: JsonMembers.String(body, "documentation_url"),
            Fields: FieldErrorParser.Read(body),
            RequestId: JsonMembers.RequestId(root));
        return true;
    }
}
