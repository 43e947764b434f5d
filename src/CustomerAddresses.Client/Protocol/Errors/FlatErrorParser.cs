using System.Text.Json;

namespace CustomerAddresses.Client.Protocol.Errors;

/// <summary>The flat form gateways and proxies use: <c>{"error":"code","message":"…"}</c>.</summary>
internal static class FlatErrorParser
{
    internal static bool TryParse(JsonElement root, out ParsedError error)
    {
        if (!root.TryGetProperty("error", out JsonElement code) || code.ValueKind != JsonValueKind.String)
        {
            error = ParsedError.EmptyJson;
            return false;
        }

        error = new ParsedError(
            true, null, code.GetString(), JsonMembers.String(root, "message") ?? JsonMembers.String(root, "detail"), null, FieldErrorParser.Read(root), JsonMembers.RequestId(root));
        return true;
    }
}
