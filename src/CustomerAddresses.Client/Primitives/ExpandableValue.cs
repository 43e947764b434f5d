using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client.Primitives;

/// <summary>Implemented by the expandable string values (statuses, sort order, country code).</summary>
internal interface IExpandableValue<TSelf> where TSelf : struct, IExpandableValue<TSelf>
{
    static abstract TSelf FromServer(string value);

    string Value { get; }
}

/// <summary>
/// Reads any string, known or not, so that a value the server adds later never breaks a response,
/// and writes the value back unchanged.
/// </summary>
internal sealed class ExpandableValueJsonConverter<TSelf> : JsonConverter<TSelf>
    where TSelf : struct, IExpandableValue<TSelf>
{
    public override TSelf Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

    /// <summary>Reads the value the reader is on: any string.</summary>
    internal static TSelf ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a JSON string for {typeof(TSelf).Name}, found {reader.TokenType}.");
        }

        return TSelf.FromServer(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, TSelf value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

/// <summary>Shared checks for the expandable values.</summary>
internal static class ExpandableValue
{
    internal static string Require(string value, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        return value;
    }
}
