using System.Text.Json;

namespace CustomerAddresses.Client.Protocol.Errors;

/// <summary>
/// RFC 7807 problem details, <c>{"type","title","detail","errors":{"field":["…"]}}</c>, and the last resort for any
/// other JSON object: a root <c>code</c>, the first of <c>message</c>, <c>detail</c> and <c>title</c>, and <c>errors</c>.
/// </summary>
internal static class ProblemDetailsParser
{
    internal static ParsedError Parse(JsonElement root) => new(
        IsJson: true,
        Type: null,
        Code: JsonMembers.String(root, "code"),
        Detail: JsonMembers.NonEmpty(JsonMembers.String(root, "message")) ?? JsonMembers.String(root, "detail") ?? JsonMembers.String(root, "title"),
        DocumentationUrl: null,
        Fields: FieldErrorParser.Read(root),
        RequestId: JsonMembers.RequestId(root));
}
