using System.Text.Json.Nodes;

namespace CustomerAddresses.Client.Tests.Support;

/// <summary>List bodies in the two documented shapes, with generated address ids.</summary>
internal static class ListBodies
{
    public static string AddressId(int n) => $"add_{n:D26}";

    private static JsonObject Item(int n, bool withCustomer) => withCustomer
        ? new JsonObject { ["id"] = AddressId(n), ["customer_id"] = "ctm_01hv6y1jedq4p1n0yqn5ba3ky4", ["status"] = "active", ["city"] = $"City {n}", ["country_code"] = "US" }
        : new JsonObject { ["id"] = AddressId(n), ["city"] = $"City {n}", ["country"] = "US" };

    /// <summary>Seed 002's envelope: <c>data</c> plus <c>meta.pagination</c>.</summary>
    public static string Cursor(IEnumerable<int> items, bool hasMore, string? next, int? total = null, string requestId = "req") =>
        new JsonObject
        {
            ["data"] = new JsonArray(items.Select(n => (JsonNode)Item(n, withCustomer: true)).ToArray()),
            ["meta"] = new JsonObject
            {
                ["request_id"] = requestId,
                ["pagination"] = new JsonObject { ["per_page"] = 2, ["next"] = next, ["has_more"] = hasMore, ["estimated_total"] = total },
            },
        }.ToJsonString();

    /// <summary>Seed 001's body: <c>customer_id</c>, <c>addresses</c>, <c>limit</c>, <c>offset</c>.</summary>
    public static string Offset(IEnumerable<int> items, int limit, int offset) =>
        new JsonObject
        {
            ["customer_id"] = "cus_01h1w8r7s2v4l5m6n7p8j9k0q2",
            ["addresses"] = new JsonArray(items.Select(n => (JsonNode)Item(n, withCustomer: false)).ToArray()),
            ["limit"] = limit,
            ["offset"] = offset,
        }.ToJsonString();
}
