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
    public override TSelf Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Serialization.ModelJson.Id<TSelf>(ref reader);

    public override void Write(Utf8JsonWriter writer, TSelf value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
