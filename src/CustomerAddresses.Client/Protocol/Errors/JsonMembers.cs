using System.Text.Json;

namespace CustomerAddresses.Client.Protocol.Errors;

/// <summary>Lenient reads of error-body members: a member of the wrong kind is absent, never an exception.</summary>
internal static class JsonMembers
{
    internal static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    internal static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    internal static string? RequestId(JsonElement root) =>
        root.TryGetProperty("meta", out JsonElement meta) && meta.ValueKind == JsonValueKind.Object ? String(meta, "request_id") : null;
}
