using System.Text.Json.Nodes;

namespace CustomerAddresses.Client.Testing;

/// <summary>Organizations and their billing addresses, behind one lock, as Wacht's server keeps them.</summary>
internal sealed class BillingStore(IdGenerator ids, EmulatorClock clock, IEnumerable<string>? organizations)
{
    private static readonly string[] s_addFields = ["name", "company", "address_line_1", "address_line_2", "city", "state", "postal_code", "country"];
    private readonly object _gate = new();
    private readonly HashSet<string>? _organizations = organizations is null ? null : new HashSet<string>(organizations, StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonObject>> _billingAddresses = new(StringComparer.Ordinal);

    /// <summary>Adds an organization the signed-in user manages, with a snowflake id.</summary>
    internal string CreateOrganization()
    {
        string id = ids.NextSnowflake();
        lock (_gate)
        {
            _organizations?.Add(id);
        }

        return id;
    }

    /// <summary>Whether the signed-in user manages the organization: every one when no list was given.</summary>
    internal bool Manages(string organizationId)
    {
        lock (_gate)
        {
            return _organizations is null || _organizations.Contains(organizationId);
        }
    }

    internal JsonObject Add(string organizationId, JsonObject fields)
    {
        lock (_gate)
        {
            string now = clock.Microseconds();
            var billing = new JsonObject { ["id"] = ids.NextSnowflake() };
            foreach (string key in s_addFields)
            {
                billing[key] = fields[key]?.DeepClone();
            }

            bool isDefault = fields["is_default"]?.GetValue<bool>() ?? false;
            List<JsonObject> list = ListOf(organizationId);
            if (list.Count == 0)
            {
                isDefault = fields["is_default"] is null || isDefault; // an organization's first address is its default
            }

            if (isDefault)
            {
                list.ForEach(other => other["is_default"] = false);
            }

            billing["is_default"] = isDefault;
            billing["created_at"] = now;
            billing["updated_at"] = now;
            list.Add(billing);
            return billing.DeepClone().AsObject();
        }
    }

    internal JsonArray List(string organizationId)
    {
        lock (_gate)
        {
            return new JsonArray(ListOf(organizationId).Select(b => (JsonNode)b.DeepClone()).ToArray());
        }
    }

    /// <summary>Sets the whole address Wacht's server takes on a replace; null when the organization has no such address.</summary>
    internal JsonObject? Replace(string organizationId, string billingAddressId, JsonObject fields)
    {
        lock (_gate)
        {
            if (ListOf(organizationId).FirstOrDefault(b => (string?)b["id"] == billingAddressId) is not { } billing)
            {
                return null;
            }

            billing["address_line_1"] = fields["address"]!.DeepClone();
            foreach (string key in new[] { "city", "state", "country", "postal_code" })
            {
                billing[key] = fields[key]!.DeepClone();
            }

            billing["updated_at"] = clock.Microseconds();
            return billing.DeepClone().AsObject();
        }
    }

    /// <summary>Deletes an address; deleting one that is not there succeeds, as on Wacht's server.</summary>
    internal void Delete(string organizationId, string billingAddressId)
    {
        lock (_gate)
        {
            ListOf(organizationId).RemoveAll(b => (string?)b["id"] == billingAddressId);
        }
    }

    private List<JsonObject> ListOf(string organizationId)
    {
        if (!_billingAddresses.TryGetValue(organizationId, out List<JsonObject>? list))
        {
            list = [];
            _billingAddresses.Add(organizationId, list);
        }

        return list;
    }
}
