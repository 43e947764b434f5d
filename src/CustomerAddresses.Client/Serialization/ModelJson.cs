using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client.Serialization;

/// <summary>
/// The member readers of the hand-written model converters (the address, customer and billing address converters of their resource folders).
/// The source generator reads a record whose members are <c>init</c>-only through its constructor path: every member
/// boxed into an argument array, then a second object built from it. These read each member straight from the
/// reader into the record's initializer, with the same rules as the member converters they stand for.
/// </summary>
internal static class ModelJson
{
    /// <summary>Reads the member name the reader is on, in place; an escaped name (rare) is unescaped into a new array.</summary>
    internal static ReadOnlySpan<byte> Name(ref Utf8JsonReader reader)
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        byte[] target = new byte[reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length];
        return target.AsSpan(0, reader.CopyString(target));
    }

    /// <summary>Throws unless the reader is on the start of an object.</summary>
    internal static void ExpectObject<T>(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {typeof(T).Name}, found {reader.TokenType}.");
        }
    }

    /// <summary>The JSON exception for a resource without its id, as the serializer words a missing required member.</summary>
    internal static JsonException MissingId<T>() =>
        new($"JSON deserialization for type '{typeof(T).FullName}' was missing required properties including: 'id'.");

    internal static string? String(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected a JSON string, found {reader.TokenType}."),
    };

    internal static bool? Boolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected a JSON boolean, found {reader.TokenType}."),
    };

    /// <summary>A typed id from the server: see <see cref="TypedIdJsonConverter{TSelf}.ReadValue"/>.</summary>
    internal static TId Id<TId>(ref Utf8JsonReader reader)
        where TId : struct, ITypedId<TId> =>
        TypedIdJsonConverter<TId>.ReadValue(ref reader);

    internal static T? Expandable<T>(ref Utf8JsonReader reader)
        where T : struct, IExpandableValue<T> =>
        reader.TokenType == JsonTokenType.Null ? null : ExpandableValueJsonConverter<T>.ReadValue(ref reader);

    internal static DateTimeOffset? Timestamp(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Rfc3339DateTimeOffsetConverter.ReadValue(ref reader);

    /// <summary>Custom data: an object, kept as a <see cref="JsonObject"/>, or null.</summary>
    internal static JsonObject? Object(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => JsonObject.Create(JsonElement.ParseValue(ref reader)),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected a JSON object, found {reader.TokenType}."),
    };

    /// <summary>A nested record read by its source-generated metadata.</summary>
    internal static T? Nested<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> typeInfo)
        where T : class =>
        reader.TokenType == JsonTokenType.Null ? null : JsonSerializer.Deserialize(ref reader, typeInfo);

    internal static void WriteIfSet(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    internal static void WriteIfSet(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset? value)
    {
        if (value is { } set)
        {
            writer.WriteString(name, set);
        }
    }

    internal static void WriteIfSet(Utf8JsonWriter writer, ReadOnlySpan<byte> name, bool? value)
    {
        if (value is { } set)
        {
            writer.WriteBoolean(name, set);
        }
    }

    internal static void WriteIfSet<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, T? value)
        where T : struct, IExpandableValue<T>
    {
        if (value is { } set)
        {
            writer.WriteString(name, set.Value);
        }
    }

    internal static void WriteIfSet(Utf8JsonWriter writer, ReadOnlySpan<byte> name, JsonObject? value)
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
    }

    internal static void WriteIfSet<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, T? value, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, value, typeInfo);
        }
    }
}
