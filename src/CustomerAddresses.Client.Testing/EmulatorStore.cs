using System.Text.Json.Nodes;

namespace CustomerAddresses.Client.Testing;

/// <summary>
/// The customers and addresses of one dialect, behind one lock, in the shape that dialect answers with: Paddle's
/// (every member present, <c>marketing_consent</c> false and <c>locale</c> <c>en</c> by default, <c>import_meta</c>)
/// or the /api/v1 API's (the members of seeds 000, 001 and 003).
/// </summary>
internal sealed class EmulatorStore(IdGenerator ids, EmulatorClock clock, EmulatorDialect dialect)
{
    private static readonly string[] s_apiV1CustomerMembers = ["name", "email", "phone", "address", "payment_method"];
    private readonly object _gate = new();
    private readonly Dictionary<string, JsonObject> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _customerByEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<StoredAddress>> _addresses = new(StringComparer.Ordinal);

    internal EmulatorDialect Dialect => dialect;

    /// <summary>Called with the event type and the entity after each change (Paddle's dialect only: the webhooks).</summary>
    internal Action<string, JsonObject>? Changed { get; set; }

    private JsonObject Publish(string eventType, JsonObject entity)
    {
        if (dialect == EmulatorDialect.Paddle)
        {
            Changed?.Invoke(eventType, entity.DeepClone().AsObject());
        }

        return entity.DeepClone().AsObject();
    }

    internal int CustomerCount { get { lock (_gate) { return _customers.Count; } } }

    internal int AddressCount(string customerId)
    {
        lock (_gate)
        {
            return _addresses.TryGetValue(customerId, out List<StoredAddress>? list) ? list.Count : 0;
        }
    }

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

            string now = clock.Milliseconds();
            JsonObject customer = dialect == EmulatorDialect.Paddle
                ? new JsonObject
                {
                    ["id"] = ids.Next("ctm_"),
                    ["status"] = "active",
                    ["custom_data"] = Copy(fields, "custom_data"),
                    ["name"] = Copy(fields, "name"),
                    ["email"] = email,
                    ["marketing_consent"] = false,
                    ["locale"] = Copy(fields, "locale") ?? "en",
                    ["created_at"] = now,
                    ["updated_at"] = now,
                    ["import_meta"] = null,
                }
                : ApiV1Customer(fields, now);
            _customers.Add((string)customer["id"]!, customer);
            _customerByEmail.Add(email, (string)customer["id"]!);
            return (Publish("customer.created", customer), null);
        }
    }

    private JsonObject ApiV1Customer(JsonObject fields, string now)
    {
        var customer = new JsonObject { ["id"] = ids.Next("cus_") };
        foreach (string member in s_apiV1CustomerMembers)
        {
            customer[member] = Copy(fields, member);
        }

        customer["created_at"] = now;
        customer["updated_at"] = now;
        customer["status"] = Copy(fields, "status") ?? "active";
        customer["custom_data"] = Copy(fields, "custom_data");
        return customer;
    }

    private static JsonNode? Copy(JsonObject fields, string member) => fields[member]?.DeepClone();

    internal JsonObject? CreateAddress(string customerId, JsonObject fields)
    {
        lock (_gate)
        {
            if (!_customers.ContainsKey(customerId))
            {
                return null;
            }

            string now = clock.Milliseconds();
            var address = new JsonObject
            {
                ["id"] = ids.Next("add_"),
                ["status"] = "active",
                ["customer_id"] = customerId,
                ["description"] = Copy(fields, "description"),
                ["first_line"] = Copy(fields, "first_line"),
                ["second_line"] = Copy(fields, "second_line"),
                ["city"] = Copy(fields, "city"),
                ["postal_code"] = Copy(fields, "postal_code"),
                ["region"] = Copy(fields, "region"),
                ["country_code"] = Copy(fields, dialect == EmulatorDialect.Paddle ? "country_code" : "country"),
                ["custom_data"] = Copy(fields, "custom_data"),
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
            return Publish("address.created", address);
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

            customer["updated_at"] = clock.Microseconds();
            return (Publish("customer.updated", customer), null);
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

            address["updated_at"] = clock.Microseconds();
            list[index] = new StoredAddress(address);
            return Publish("address.updated", address);
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
