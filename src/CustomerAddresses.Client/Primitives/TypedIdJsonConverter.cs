using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client.Primitives;

/// <summary>
/// Reads and writes a typed id as a JSON string. An id the server issued only has to be safe in a URL path: its
/// documented prefix is checked where a caller builds an id from a string, never where a server answered with one, so
/// a call that succeeded never fails on the shape of an id.
/// </summary>
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
        string? problem = TypedId.Validate(value, []);
        if (problem is not null)
        {
            throw new JsonException(TypedId.Describe<TSelf>(null, problem)); // never quote what the server sent
        }

        return TSelf.FromValidated(value!);
    }

    public override void Write(Utf8JsonWriter writer, TSelf value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
