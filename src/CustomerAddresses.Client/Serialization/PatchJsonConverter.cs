using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client.Serialization;

/// <summary>
/// Writes a <see cref="Patch{T}"/> of a string: <c>null</c> when cleared, the string when set. A member left unchanged
/// is not written at all (its property is ignored when it holds the default).
/// </summary>
internal sealed class PatchStringJsonConverter : JsonConverter<Patch<string>>
{
    public override Patch<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? Patch<string>.Clear : reader.GetString();

    public override bool HandleNull => true;

    public override void Write(Utf8JsonWriter writer, Patch<string> value, JsonSerializerOptions options)
    {
        if (value.Value is { } text)
        {
            writer.WriteStringValue(text);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>Writes a <see cref="Patch{T}"/> of custom data: <c>null</c> when cleared, the object when set.</summary>
internal sealed class PatchJsonObjectJsonConverter : JsonConverter<Patch<JsonObject>>
{
    public override Patch<JsonObject> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? Patch<JsonObject>.Clear : JsonNode.Parse(ref reader) as JsonObject ?? throw new JsonException("Expected a JSON object.");

    public override bool HandleNull => true;

    public override void Write(Utf8JsonWriter writer, Patch<JsonObject> value, JsonSerializerOptions options)
    {
        if (value.Value is { } data)
        {
            data.WriteTo(writer, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
