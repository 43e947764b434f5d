using System.Text.Json.Nodes;

namespace CustomerAddresses.Client.Tests.Support;

/// <summary>The seed documents' examples, copied verbatim into Fixtures/.</summary>
internal static class Fixture
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static JsonNode Json(string name) => JsonNode.Parse(Text(name))!;

    public static void AssertJsonEqual(JsonNode? expected, string? actualJson)
    {
        Assert.NotNull(actualJson);
        JsonNode? actual = JsonNode.Parse(actualJson);
        Assert.True(
            JsonNode.DeepEquals(expected, actual),
            $"JSON differs.\nExpected: {expected?.ToJsonString()}\nActual:   {actual?.ToJsonString()}");
    }
}
