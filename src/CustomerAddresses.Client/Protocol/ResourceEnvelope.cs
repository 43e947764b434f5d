using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.Protocol;

/// <summary>
/// Finds the resource in a response body, as the contract says: if the root has a <c>data</c> object the
/// payload is <c>data</c>; if that object's only member is itself an object (<c>billing_address</c>), the
/// payload is that member; otherwise the payload is the root. <c>meta.request_id</c> is kept.
/// </summary>
internal static class ResourceEnvelope
{
    internal static T? Read<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo, out string? requestId) =>
        typeInfo.Converter is ModelJsonConverter<T> model
            ? ReadInOnePass(json, typeInfo, model, out requestId)
            : ReadByScanning(json, typeInfo, out requestId);

    /// <summary>
    /// For a model with a hand-written reader: one pass over the root, the payload read in place where the root's
    /// <c>data</c> is found, so an envelope is tokenized once (a data object whose only member is an object costs one
    /// extra scan of that member, to know it is the only one). A root without <c>data</c> is the resource and is read
    /// again, as a whole. Of two <c>data</c> members the last wins, as in the two-pass reader: each is read, and one
    /// that cannot be read fails the body only if it is the last.
    /// </summary>
    internal static T? ReadInOnePass<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo, ModelJsonConverter<T> model, out string? requestId)
    {
        requestId = null;
        Utf8JsonReader reader = OpenRoot(json);

        bool found = false;
        T? payload = default;
        JsonException? unreadable = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isData = reader.ValueTextEquals("data"u8);
            bool isMeta = reader.ValueTextEquals("meta"u8);
            reader.Read();
            if (isData && reader.TokenType == JsonTokenType.StartObject)
            {
                // The last data object is the payload: one that does not read is an error only if no other follows.
                found = true;
                Utf8JsonReader atData = reader;
                try
                {
                    payload = ReadData(ref reader, model, typeInfo.Options);
                    unreadable = null;
                }
                catch (JsonException e)
                {
                    unreadable = e;
                    reader = atData;
                    reader.Skip();
                }
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

        if (unreadable is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(unreadable);
        }

        return found ? payload : ReadRoot(json, model, typeInfo.Options);
    }

    /// <summary>A reader on the body's root object; anything else is refused.</summary>
    private static Utf8JsonReader OpenRoot(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, Serialization.JsonLimits.ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object, found {(json.IsEmpty ? "an empty body" : reader.TokenType.ToString())}.");
        }

        return reader;
    }

    /// <summary>Reads the root as the resource, and refuses anything after it, as the serializer would.</summary>
    private static T? ReadRoot<T>(ReadOnlySpan<byte> json, ModelJsonConverter<T> model, JsonSerializerOptions options)
    {
        var reader = new Utf8JsonReader(json, Serialization.JsonLimits.ReaderOptions);
        reader.Read();
        T? value = model.Read(ref reader, typeof(T), options);
        return reader.Read() ? throw new JsonException($"Unexpected {reader.TokenType} after the resource.") : value;
    }

    /// <summary>Reads the <c>data</c> object the reader is on, or its only member when that is an object; leaves the reader at its end.</summary>
    private static T? ReadData<T>(ref Utf8JsonReader reader, ModelJsonConverter<T> model, JsonSerializerOptions options)
    {
        Utf8JsonReader atData = reader;
        if (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            Utf8JsonReader atMember = reader;
            reader.Skip();
            if (reader.Read() && reader.TokenType == JsonTokenType.EndObject)
            {
                return model.Read(ref atMember, typeof(T), options); // the reader is at the end of data already
            }
        }

        reader = atData;
        return model.Read(ref reader, typeof(T), options);
    }

    /// <summary>For any other type: finds the payload's bounds in a first pass, then reads the payload.</summary>
    internal static T? ReadByScanning<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo, out string? requestId)
    {
        requestId = null;
        Utf8JsonReader reader = OpenRoot(json);

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
        var reader = new Utf8JsonReader(json, Serialization.JsonLimits.ReaderOptions);
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
