using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client.Primitives;

/// <summary>Reads and writes a typed id as a JSON string, applying the same rules as <c>Parse</c>.</summary>
internal sealed class TypedIdJsonConverter<TSelf> : JsonConverter<TSelf>
    where TSelf : struct, ITypedId<TSelf>
{
    public override TSelf Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected the {TSelf.Description} as a JSON string, found {reader.TokenType}.");
        }

        string? value = reader.GetString();
        string? problem = TSelf.Validate(value);
        if (problem is not null)
        {
            throw new JsonException(TypedId.Describe<TSelf>(value, problem));
        }

        return TSelf.FromValidated(value!);
    }

    public override void Write(Utf8JsonWriter writer, TSelf value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
