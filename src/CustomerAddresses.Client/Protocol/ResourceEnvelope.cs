using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CustomerAddresses.Client.Protocol;

/// <summary>
/// Finds the resource in a response body, as the contract says: if the root has a <c>data</c> object the
/// payload is <c>data</c>; if that object's only member is itself an object (<c>billing_address</c>), the
/// payload is that member; otherwise the payload is the root. <c>meta.request_id</c> is kept.
/// </summary>
internal static class ResourceEnvelope
{
    internal static T? Read<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo, out string? requestId)
    {
        requestId = null;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object, found {(json.IsEmpty ? "an empty body" : reader.TokenType.ToString())}.");
        }

        int dataStart = -1;
        int dataEnd = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isData = reader.ValueTextEquals("data"u8);
            bool isMeta = reader.ValueTextEquals("meta"u8);
            reader.Read();
            if (isData && reader.TokenType == JsonTokenType.StartObject)
            {
                dataStart = (int)reader.TokenStartIndex;
                reader.Skip();
                dataEnd = (int)reader.BytesConsumed;
            }
            else if (isMeta && reader.TokenType == JsonTokenType.StartObject)
            {
                requestId = ReadRequestId(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        ReadOnlySpan<byte> payload = dataStart < 0 ? json : OnlyObjectMember(json[dataStart..dataEnd]);
        return JsonSerializer.Deserialize(payload, typeInfo);
    }

    /// <summary>Returns the value of an object's only member when that value is an object; otherwise the object.</summary>
    private static ReadOnlySpan<byte> OnlyObjectMember(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read(); // StartObject
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
        {
            return json;
        }

        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return json;
        }

        int start = (int)reader.TokenStartIndex;
        reader.Skip();
        int end = (int)reader.BytesConsumed;
        return reader.Read() && reader.TokenType == JsonTokenType.EndObject ? json[start..end] : json;
    }

    /// <summary>Reads <c>request_id</c> from the <c>meta</c> object the reader is positioned on, and leaves it at its end.</summary>
    private static string? ReadRequestId(ref Utf8JsonReader reader)
    {
        string? requestId = null;
        int depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1 && reader.ValueTextEquals("request_id"u8))
            {
                reader.Read();
                requestId = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
        }

        return requestId;
    }
}
