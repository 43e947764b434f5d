using System.Text.Json.Nodes;

namespace CustomerAddresses.Client.Tests.Shared;

/// <summary>Custom data nested to a given depth, for the tests of the client's depth limit.</summary>
internal static class DeepJson
{
    /// <summary>An object nested <paramref name="levels"/> deep, counting itself: <c>{"a":{"a":…{"leaf":"value"}}}</c>.</summary>
    public static JsonObject Object(int levels)
    {
        var root = new JsonObject();
        JsonObject inner = root;
        for (int level = 1; level < levels; level++)
        {
            var next = new JsonObject();
            inner["a"] = next;
            inner = next;
        }

        inner["leaf"] = "value";
        return root;
    }
}
