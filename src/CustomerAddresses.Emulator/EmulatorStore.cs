using System.Text.Json.Nodes;

namespace CustomerAddresses.Emulator;

/// <summary>The emulator's customers and their addresses, behind one lock.</summary>
internal sealed class EmulatorStore(IdGenerator ids, TimeProvider time, string customerPrefix = "ctm_")
{
    private readonly object _gate = new();
    private readonly Dictionary<string, JsonObject> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _customerByEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<StoredAddress>> _addresses = new(StringComparer.Ordinal);

    internal int CustomerCount { get { lock (_gate) { return _customers.Count; } } }

    internal int AddressCount(string customerId)
    {
        lock (_gate)
        {
            return _addresses.TryGetValue(customerId, out List<StoredAddress>? list) ? list.Count : 0;
        }
    }

    internal string Now() => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Stores a customer, or returns the id of the one that has the email already.</summary>
    internal (JsonObject? Created, string? ExistingId) CreateCustomer(JsonObject fields)
    {
        string email = (string)fields["email"]!;
        lock (_gate)
        {
            if (_customerByEmail.TryGetValue(email, out string? existing))
            {
                return (null, existing);
            }

            string id = ids.Next(customerPrefix);
            string now = Now();
            var customer = new JsonObject { ["id"] = id };
            foreach ((string key, JsonNode? value) in fields)
            {
                customer[key] = value?.DeepClone();
            }

            customer["status"] ??= "active";
            customer["created_at"] = now;
            customer["updated_at"] = now;
            customer["import_meta"] = null;
            _customers.Add(id, customer);
            _customerByEmail.Add(email, id);
            return (customer.DeepClone().AsObject(), null);
        }
    }

    internal bool CustomerExists(string customerId)
    {
        lock (_gate)
        {
            return _customers.ContainsKey(customerId);
        }
    }

    internal JsonObject? CreateAddress(string customerId, JsonObject fields)
    {
        lock (_gate)
        {
            if (!_customers.ContainsKey(customerId))
            {
                return null;
            }

            string now = Now();
            var address = new JsonObject
            {
                ["id"] = ids.Next("add_"),
                ["customer_id"] = customerId,
                ["status"] = "active",
                ["description"] = fields["description"]?.DeepClone(),
                ["first_line"] = fields["first_line"]?.DeepClone(),
                ["second_line"] = fields["second_line"]?.DeepClone(),
                ["city"] = fields["city"]?.DeepClone(),
                ["postal_code"] = fields["postal_code"]?.DeepClone(),
                ["region"] = fields["region"]?.DeepClone(),
                ["country_code"] = (fields["country_code"] ?? fields["country"])?.DeepClone(),
                ["custom_data"] = fields["custom_data"]?.DeepClone(),
                ["created_at"] = now,
                ["updated_at"] = now,
                ["import_meta"] = null,
            };

            if (!_addresses.TryGetValue(customerId, out List<StoredAddress>? list))
            {
                list = [];
                _addresses.Add(customerId, list);
            }

            list.Add(new StoredAddress(address));
            return address.DeepClone().AsObject();
        }
    }

    internal JsonObject? Customer(string customerId)
    {
        lock (_gate)
        {
            return _customers.TryGetValue(customerId, out JsonObject? customer) ? customer.DeepClone().AsObject() : null;
        }
    }

    /// <summary>A snapshot of every customer, in id order (ids count up, so this is creation order).</summary>
    internal List<JsonObject> Customers()
    {
        lock (_gate)
        {
            return [.. _customers.Values.OrderBy(c => (string)c["id"]!, StringComparer.Ordinal).Select(c => c.DeepClone().AsObject())];
        }
    }

    /// <summary>Applies a patch (a member set to null is cleared); null when there is no such customer, the existing id on a duplicate email.</summary>
    internal (JsonObject? Updated, string? ExistingId) UpdateCustomer(string customerId, JsonObject patch)
    {
        lock (_gate)
        {
            if (!_customers.TryGetValue(customerId, out JsonObject? customer))
            {
                return (null, null);
            }

            if (patch["email"] is { } email && _customerByEmail.TryGetValue((string)email!, out string? owner) && owner != customerId)
            {
                return (null, owner);
            }

            if (patch["email"] is { } newEmail)
            {
                _customerByEmail.Remove((string)customer["email"]!);
                _customerByEmail[(string)newEmail!] = customerId;
            }

            foreach ((string key, JsonNode? value) in patch)
            {
                customer[key] = value?.DeepClone();
            }

            customer["updated_at"] = Now();
            return (customer.DeepClone().AsObject(), null);
        }
    }

    internal JsonObject? Address(string customerId, string addressId)
    {
        lock (_gate)
        {
            return _addresses.TryGetValue(customerId, out List<StoredAddress>? list)
                ? list.FirstOrDefault(a => a.Id == addressId)?.Json.DeepClone().AsObject()
                : null;
        }
    }

    /// <summary>Applies a patch (a member set to null is cleared; <c>country</c> is stored as <c>country_code</c>); null when there is no such address.</summary>
    internal JsonObject? UpdateAddress(string customerId, string addressId, JsonObject patch)
    {
        lock (_gate)
        {
            if (!_addresses.TryGetValue(customerId, out List<StoredAddress>? list) || list.FindIndex(a => a.Id == addressId) is var index && index < 0)
            {
                return null;
            }

            JsonObject address = list[index].Json.DeepClone().AsObject();
            foreach ((string key, JsonNode? value) in patch)
            {
                address[key == "country" ? "country_code" : key] = value?.DeepClone();
            }

            address["updated_at"] = Now();
            list[index] = new StoredAddress(address);
            return address.DeepClone().AsObject();
        }
    }

    /// <summary>A snapshot of a customer's addresses in id order, or null when the customer does not exist.</summary>
    internal List<StoredAddress>? Addresses(string customerId)
    {
        lock (_gate)
        {
            if (!_customers.ContainsKey(customerId))
            {
                return null;
            }

            return _addresses.TryGetValue(customerId, out List<StoredAddress>? list) ? [.. list] : [];
        }
    }
}

/// <summary>An address as stored, with what filters read precomputed.</summary>
internal sealed class StoredAddress(JsonObject json)
{
    private static readonly string[] s_searched = ["id", "description", "first_line", "second_line", "city", "postal_code", "region", "country_code"];

    internal JsonObject Json { get; } = json;

    internal string Id { get; } = (string)json["id"]!;

    internal string Status => (string)Json["status"]!;

    internal string SearchText { get; } = string.Join('\n', s_searched.Select(k => json[k]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)json[k] : null))
        + '\n' + (json["custom_data"]?.ToJsonString() ?? string.Empty);
}
