using System.Text.Json;

namespace CustomerAddresses.Client.Protocol.Errors;

/// <summary>
/// Reads the <c>errors</c> member every dialect uses for per-field problems: an array of strings or of objects
/// (<c>{field, message}</c> in Paddle's, <c>{code, message}</c> in Wacht's), or RFC 7807's map of field to messages.
/// </summary>
internal static class FieldErrorParser
{
    private const int MaxItems = 100;

    internal static IReadOnlyList<ApiFieldError> Read(JsonElement container)
    {
        var result = new List<ApiFieldError>();
        if (!container.TryGetProperty("errors", out JsonElement errors))
        {
            return result;
        }

        if (errors.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in errors.EnumerateArray().Take(MaxItems))
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    result.Add(new ApiFieldError(null, item.GetString()!));
                }
                else if (item.ValueKind == JsonValueKind.Object)
                {
                    string? message = JsonMembers.String(item, "message") ?? JsonMembers.String(item, "detail");
                    string? field = JsonMembers.String(item, "field") ?? JsonMembers.String(item, "param") ?? JsonMembers.String(item, "name");
                    string? code = JsonMembers.String(item, "code");
                    if (message is not null || field is not null || code is not null)
                    {
                        result.Add(new ApiFieldError(field, message ?? code ?? string.Empty, code));
                    }
                }
            }
        }
        else if (errors.ValueKind == JsonValueKind.Object)
        {
            // RFC 7807 validation problems: {"errors":{"email":["is invalid"]}}
            foreach (JsonProperty property in errors.EnumerateObject().Take(MaxItems))
            {
                IEnumerable<JsonElement> messages = property.Value.ValueKind == JsonValueKind.Array ? property.Value.EnumerateArray() : [property.Value];
                foreach (JsonElement message in messages.Where(m => m.ValueKind == JsonValueKind.String))
                {
                    result.Add(new ApiFieldError(property.Name, message.GetString()!));
                }
            }
        }

        return result;
    }
}
