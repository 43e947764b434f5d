using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CustomerAddresses.Client.Testing;

/// <summary>
/// What every list of the emulator shares: the paging and order parameters, and the two answers (the cursor envelope
/// with an absolute <c>next</c>, or the offset body of seed 001).
/// </summary>
internal readonly record struct ListAnswer(int PerPage, int Offset, bool Ascending, string? After)
{
    private const int DefaultPerPage = 50;
    private const int MaxPerPage = 200;

    /// <summary>Reads <c>per_page</c> (or <c>limit</c> when offset-paged), <c>offset</c>, <c>order_by</c> and <c>after</c>; problems are added.</summary>
    internal static ListAnswer Read(IQueryCollection query, bool offsetPaging, List<(string, string)> problems, int defaultPerPage = DefaultPerPage)
    {
        int perPage = EmulatorEndpoints.Number(query, offsetPaging && query.ContainsKey("limit") ? "limit" : "per_page", defaultPerPage, 1, problems);
        int offset = EmulatorEndpoints.Number(query, "offset", 0, 0, problems);
        string? orderBy = query["order_by"];
        bool ascending = orderBy switch // Paddle takes the direction in either case: Paddle's Python SDK sends id[asc]
        {
            null => false,
            _ when orderBy.Equals("id[DESC]", StringComparison.OrdinalIgnoreCase) => false,
            _ when orderBy.Equals("id[ASC]", StringComparison.OrdinalIgnoreCase) => true,
            _ => EmulatorEndpoints.Problem(problems, "order_by", "must be id[ASC] or id[DESC]"),
        };
        return new ListAnswer(Math.Min(perPage, MaxPerPage), offset, ascending, query["after"]); // larger pages are clamped, as Paddle does
    }

    /// <summary>Items in the requested order (they come in id order).</summary>
    internal List<JsonObject> Ordered(IEnumerable<JsonObject> byId) => Ascending ? [.. byId] : [.. byId.Reverse()];

    /// <summary>The offset body: the items from <see cref="Offset"/>, under <paramref name="itemsMember"/>, with the owner if any.</summary>
    internal Task WriteOffsetAsync(HttpContext context, List<JsonObject> ordered, string itemsMember, Func<JsonObject, JsonObject> shape, string? customerId = null)
    {
        var body = new JsonObject();
        if (customerId is not null)
        {
            body["customer_id"] = customerId;
        }

        body[itemsMember] = new JsonArray(ordered.Skip(Offset).Take(PerPage).Select(item => (JsonNode)shape(item.DeepClone().AsObject())).ToArray());
        body["limit"] = PerPage;
        body["offset"] = Offset;
        return ApiResponses.Json(context, 200, body);
    }

    /// <summary>The cursor envelope: the page after <see cref="After"/>, and a <c>next</c> link that is present on the last page too.</summary>
    /// <param name="context">The request.</param>
    /// <param name="ordered">Every item, in the requested order.</param>
    /// <param name="idMember">The member that names an item for <c>after</c>: <c>id</c>, or <c>event_id</c> for events.</param>
    internal Task WriteCursorAsync(HttpContext context, List<JsonObject> ordered, string idMember = "id")
    {
        string Id(JsonObject item) => (string)item[idMember]!;
        string? after = After;
        bool ascending = Ascending;
        List<JsonObject> page = [.. ordered
            .Where(item => after is null || (ascending ? string.CompareOrdinal(Id(item), after) > 0 : string.CompareOrdinal(Id(item), after) < 0))
            .Take(PerPage + 1)];
        bool hasMore = page.Count > PerPage;
        if (hasMore)
        {
            page.RemoveAt(page.Count - 1);
        }

        string next = EmulatorEndpoints.NextLink(context.Request, page.Count > 0 ? Id(page[^1]) : after, PerPage);
        return ApiResponses.Data(
            context,
            200,
            new JsonArray(page.Select(item => (JsonNode)item.DeepClone()).ToArray()),
            new JsonObject
            {
                ["pagination"] = new JsonObject { ["per_page"] = PerPage, ["next"] = next, ["has_more"] = hasMore, ["estimated_total"] = ordered.Count },
            });
    }
}
