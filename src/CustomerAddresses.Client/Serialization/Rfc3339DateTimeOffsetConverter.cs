using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client.Serialization;

/// <summary>
/// Reads RFC 3339 timestamps with 0 to 7 fractional digits (<c>2024-10-12T07:20:50.52Z</c>,
/// <c>2024-04-12T06:47:01.533006Z</c>) and the looser forms RFC 3339 allows (a space or a lower-case
/// <c>t</c> between date and time); writes the round-trip ISO 8601 form.
/// </summary>
internal sealed class Rfc3339DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

    /// <summary>Reads the timestamp the reader is on.</summary>
    internal static DateTimeOffset ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a timestamp string, found {reader.TokenType}.");
        }

        if (reader.TryGetDateTimeOffset(out DateTimeOffset value))
        {
            return value;
        }

        string text = reader.GetString()!;
        if (DateTimeOffset.TryParse(
                text,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
                out value))
        {
            return value;
        }

        throw new JsonException("The value is not an RFC 3339 timestamp.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
