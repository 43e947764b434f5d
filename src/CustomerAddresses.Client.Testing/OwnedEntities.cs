using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CustomerAddresses.Client.Testing;

/// <summary>
/// Entities a customer owns beside its addresses (its businesses, its saved payment methods), by customer, in creation
/// order, behind one lock; every read is a copy. And the answer to a listing of them: the problems of its query, then a
/// 404 for an unknown customer, then one cursor page.
/// </summary>
internal sealed class OwnedEntities(EmulatorStore customers)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<JsonObject>> _byCustomer = new(StringComparer.Ordinal);

    internal void Add(string customerId, JsonObject entity)
    {
        lock (_gate)
        {
            (_byCustomer.TryGetValue(customerId, out List<JsonObject>? list) ? list : _byCustomer[customerId] = []).Add(entity);
        }
    }

    internal JsonObject? Find(string customerId, string id)
    {
        lock (_gate)
        {
            return _byCustomer.TryGetValue(customerId, out List<JsonObject>? list) ? list.Find(e => (string)e["id"]! == id)?.DeepClone().AsObject() : null;
        }
    }

    /// <summary>Changes an entity in place; returns a copy of it changed, or null when there is none.</summary>
    internal JsonObject? Change(string customerId, string id, Action<JsonObject> change)
    {
        lock (_gate)
        {
            if (_byCustomer.TryGetValue(customerId, out List<JsonObject>? list) && list.Find(e => (string)e["id"]! == id) is { } entity)
            {
                change(entity);
                return entity.DeepClone().AsObject();
            }

            return null;
        }
    }

    /// <summary>Removes an entity; returns it, or null when there is none.</summary>
    internal JsonObject? Remove(string customerId, string id)
    {
        lock (_gate)
        {
            if (_byCustomer.TryGetValue(customerId, out List<JsonObject>? list) && list.FindIndex(e => (string)e["id"]! == id) is var index and >= 0)
            {
                JsonObject entity = list[index];
                list.RemoveAt(index);
                return entity;
            }

            return null;
        }
    }

    /// <summary>Answers a listing: 400 with the query's problems, 404 for an unknown customer, else the page of the entities <paramref name="keep"/> keeps.</summary>
    internal async Task ListAsync(HttpContext context, ListAnswer paging, List<(string, string)> problems, Func<JsonObject, bool> keep)
    {
        string customerId = (string)context.Request.RouteValues["customer_id"]!;
        if (problems.Count > 0)
        {
            await ApiResponses.InvalidFields(context, problems);
            return;
        }

        if (customers.Customer(customerId) is null)
        {
            await ApiResponses.NotFound(context, customerId);
            return;
        }

        List<JsonObject> all;
        lock (_gate)
        {
            all = _byCustomer.TryGetValue(customerId, out List<JsonObject>? list) ? [.. list.Select(e => e.DeepClone().AsObject())] : [];
        }

        await paging.WriteCursorAsync(context, paging.Ordered(all.Where(keep)));
    }
}
