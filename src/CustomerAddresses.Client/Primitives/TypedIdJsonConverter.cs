using System.Buffers;
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
    private static readonly SearchValues<byte> s_idBytes = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"u8);

    public override TSelf Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

    /// <summary>A typed id from the server: only its characters are checked (never its prefix), on the bytes, before a string is made.</summary>
    internal static TSelf ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected the {TSelf.Description} as a JSON string, found {reader.TokenType}.");
        }

        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            ReadOnlySpan<byte> raw = reader.ValueSpan;
            if (raw.Length is > 0 and <= TypedId.MaxLength && !raw.ContainsAnyExcept(s_idBytes))
            {
                return TSelf.FromValidated(reader.GetString()!);
            }
        }

        string? value = reader.GetString();
        string? problem = TypedId.Validate(value, []);
        return problem is null ? TSelf.FromValidated(value!) : throw new JsonException(TypedId.Describe<TSelf>(null, problem)); // never quote what the server sent
    }

    public override void Write(Utf8JsonWriter writer, TSelf value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
