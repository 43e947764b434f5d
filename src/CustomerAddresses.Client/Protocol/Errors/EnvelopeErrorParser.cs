using System.Text.Json;

namespace CustomerAddresses.Client.Protocol.Errors;

/// <summary>
/// The envelope of seed 004 (Wacht's frontend API), <c>{"status":400,"message":"…","data":null,"errors":[{"code","message"}]}</c>,
/// and RFC 7807 problem details, <c>{"type","title","detail","errors":{"field":["…"]}}</c>: any other JSON object is
/// read by the same rules, as both keep the code at the root.
/// </summary>
internal static class EnvelopeErrorParser
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
