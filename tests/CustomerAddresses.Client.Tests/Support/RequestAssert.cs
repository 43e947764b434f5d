using WireMock.Logging;

namespace CustomerAddresses.Client.Tests.Support;

internal static class RequestAssert
{
    public static string? Header(ILogEntry entry, string name) =>
        entry.RequestMessage!.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    public static string? Query(ILogEntry entry, string name) =>
        entry.RequestMessage!.Query?.TryGetValue(name, out var values) == true ? string.Join(",", values) : null;

    /// <summary>Method, path, JSON content type, Accept and the bearer key: what every documented call sends.</summary>
    public static void IsJsonCall(ILogEntry entry, string method, string path, bool hasBody)
    {
        Assert.Equal(method, entry.RequestMessage!.Method);
        Assert.Equal(path, entry.RequestMessage.Path);
        Assert.Equal("application/json", Header(entry, "Accept"));
        Assert.Equal("Bearer " + FakeApi.ApiKey, Header(entry, "Authorization"));
        if (hasBody)
        {
            Assert.Equal("application/json; charset=utf-8", Header(entry, "Content-Type"));
        }
    }
}
