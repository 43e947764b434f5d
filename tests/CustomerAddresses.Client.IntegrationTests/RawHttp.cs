using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>Requests as any language sends them, without the SDK: the status and the JSON body (empty for none).</summary>
internal static class RawHttp
{
    internal static async Task<(HttpStatusCode Status, JsonObject Body)> Send(HttpClient http, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json") };
        using HttpResponseMessage response = await http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject());
    }
}
