using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CustomerAddresses.Client.Protocol;

/// <summary>
/// One list response in either documented shape: the cursor envelope (<c>data</c> + <c>meta.pagination</c>, seed 002)
/// or the offset body (an items member such as <c>addresses</c>, the owner's id, <c>limit</c> and <c>offset</c>,
/// seed 001).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class ListEnvelope<T>
{
    internal required List<T> Items { get; init; }

    /// <summary>Whether the body is the offset shape rather than the cursor envelope.</summary>
    internal bool IsOffsetShape { get; init; }

    /// <summary>The raw id of the list's owner (offset shape: <c>customer_id</c>), if the body names one.</summary>
    internal string? Owner { get; init; }

    internal string? RequestId { get; init; }

    internal string? Next { get; init; }

    internal bool HasMore { get; init; }

    internal int? EstimatedTotal { get; init; }

    internal int? Limit { get; init; }

    internal int? Offset { get; init; }
}

/// <summary>Reads a <see cref="ListEnvelope{T}"/> in one pass over the body.</summary>
internal static class ListEnvelopeReader
{
    /// <summary>Reads the body; throws <see cref="JsonException"/> when it is neither shape.</summary>
    /// <param name="json">The whole body.</param>
    /// <param name="bodyInfo">The list body's JSON metadata, from the resource's JSON context.</param>
    /// <param name="itemsMember">The offset shape's items member, such as <c>addresses</c>.</param>
    /// <param name="ownerMember">The offset shape's owner member, such as <c>customer_id</c>, or null.</param>
    internal static ListEnvelope<T> Read<T>(ReadOnlySpan<byte> json, JsonTypeInfo<ListBody<T>> bodyInfo, string itemsMember, string? ownerMember)
    {
        // One serializer call over the whole body (ListBody<T>).
        if (ownerMember is not (null or "customer_id") || !ListBody<T>.Reads(itemsMember))
        {
            throw new InvalidOperationException($"No list body is declared for {typeof(T).Name} items under '{itemsMember}'.");
        }

        ListBody<T> body = JsonSerializer.Deserialize(json, bodyInfo) ?? throw new JsonException("Expected a JSON object.");
        List<T>? offsetItems = body.OffsetItems(itemsMember);
        string? owner = null;
        if (ownerMember is not null && body.CustomerId is { } ownerElement)
        {
            owner = ownerElement.ValueKind switch
            {
                JsonValueKind.String => ownerElement.GetString(),
                JsonValueKind.Null => null,
                _ => throw new JsonException($"'{ownerMember}' is not a string."),
            };
        }

        bool isOffsetShape = body.Data is null && (offsetItems is not null || body.Limit is not null || body.Offset is not null);
        List<T> found = (isOffsetShape ? offsetItems : body.Data) ?? throw new JsonException($"The body holds neither 'data' nor '{itemsMember}'.");
        if (found.Contains(default!))
        {
            throw new JsonException("The list holds a null item.");
        }

        ListMeta meta = body.Meta;
        return new ListEnvelope<T>
        {
            Items = found,
            IsOffsetShape = isOffsetShape,
            Owner = owner,
            RequestId = meta.RequestId,
            Next = meta.Next,
            HasMore = meta.HasMore ?? false,
            EstimatedTotal = meta.EstimatedTotal,
            Limit = body.Limit,
            Offset = body.Offset,
        };
    }

    private static int? OptionalInt(ref Utf8JsonReader reader, string name) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number when reader.TryGetInt32(out int value) => value,
        _ => throw new JsonException($"'{name}' is not a whole number."),
    };

    /// <summary>Reads <c>meta</c> (request id and pagination), each member at its own depth, and leaves the reader at its end.</summary>
    internal static ListMeta ReadMeta(ref Utf8JsonReader reader)
    {
        ListMeta meta = default;
        int depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            bool top = reader.CurrentDepth == depth + 1;
            bool inPagination = reader.CurrentDepth == depth + 2;
            string name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "request_id" when top:
                    meta.RequestId = OptionalString(ref reader, name);
                    break;
                case "next" when inPagination:
                    meta.Next = OptionalString(ref reader, name);
                    break;
                case "has_more" when inPagination:
                    meta.HasMore = reader.TokenType switch
                    {
                        JsonTokenType.True => true,
                        JsonTokenType.False => false,
                        JsonTokenType.Null => null,
                        _ => throw new JsonException("'has_more' is not a boolean."),
                    };
                    break;
                case "estimated_total" when inPagination:
                    meta.EstimatedTotal = OptionalInt(ref reader, name);
                    break;
                case "per_page" when inPagination:
                    _ = OptionalInt(ref reader, name);
                    break;
                case "pagination" when top && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.Null:
                    break; // its members are read at the next depth
                default:
                    reader.Skip();
                    break;
            }
        }

        return meta;
    }

    private static string? OptionalString(ref Utf8JsonReader reader, string name) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        _ => throw new JsonException($"'{name}' is not a string."),
    };
}

/// <summary>The members of a list's <c>meta</c> the pager uses.</summary>
internal struct ListMeta
{
    internal string? RequestId;
    internal string? Next;
    internal bool? HasMore;
    internal int? EstimatedTotal;
}

/// <summary>
/// Reads <c>meta</c> in place while the serializer reads the rest of the body: an object with the hand-written
/// reader's rules, anything else ignored (a <c>meta</c> that is not an object never fails a list).
/// </summary>
internal sealed class ListMetaConverter : JsonConverter<ListMeta>
{
    public override ListMeta Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return ListEnvelopeReader.ReadMeta(ref reader);
        }

        reader.Skip();
        return default;
    }

    public override void Write(Utf8JsonWriter writer, ListMeta value, JsonSerializerOptions options) =>
        throw new NotSupportedException("A list's meta is only read.");
}
