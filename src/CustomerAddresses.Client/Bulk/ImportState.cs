using System.Collections.Concurrent;
using System.Text.Json;

namespace CustomerAddresses.Client.Bulk;

/// <summary>What an import knows: read back from its journal, then kept up to date as it runs. Counters are updated atomically.</summary>
internal sealed class ImportState
{
    private long _customersCreated;
    private long _customersFound;
    private long _addressesCreated;
    private long _addressesFound;
    private long _rowsDone;
    private long _rejected;

    /// <summary>Each customer of the import, by its email in lower case.</summary>
    internal ConcurrentDictionary<string, CustomerState> Customers { get; } = new(StringComparer.Ordinal);

    /// <summary>The rows done: null when on the server, the reason when rejected.</summary>
    internal ConcurrentDictionary<long, string?> Rows { get; } = new();

    internal CustomerState Of(string email) => Customers.GetOrAdd(email, static _ => new CustomerState());

    internal void CustomerRecorded(bool created) => Interlocked.Increment(ref created ? ref _customersCreated : ref _customersFound);

    internal void AddressCreated() => Interlocked.Increment(ref _addressesCreated);

    internal void RowDone(long line, bool addressFound)
    {
        Rows[line] = null;
        Interlocked.Increment(ref _rowsDone);
        if (addressFound)
        {
            Interlocked.Increment(ref _addressesFound);
        }
    }

    internal void RowRejected(long line, string reason)
    {
        Rows[line] = reason;
        Interlocked.Increment(ref _rowsDone);
        Interlocked.Increment(ref _rejected);
    }

    internal BulkProgress Snapshot(long requests, long rateLimited) => new()
    {
        RowsDone = Interlocked.Read(ref _rowsDone),
        Rejected = Interlocked.Read(ref _rejected),
        CustomersCreated = Interlocked.Read(ref _customersCreated),
        CustomersFound = Interlocked.Read(ref _customersFound),
        AddressesCreated = Interlocked.Read(ref _addressesCreated),
        AddressesFound = Interlocked.Read(ref _addressesFound),
        Requests = requests,
        RateLimited = rateLimited,
    };

    /// <summary>Applies one journal record (see <see cref="ImportJournal"/>).</summary>
    internal void Apply(JsonElement record)
    {
        string? Text(string name) => record.TryGetProperty(name, out JsonElement value) ? value.GetString() : null;
        switch (record.GetProperty("t").GetString())
        {
            case "c?":
                Of(Text("e")!).IdUnknown = true;
                break;
            case "c":
                CustomerState customer = Of(Text("e")!);
                bool created = record.GetProperty("new").GetBoolean();
                (customer.Id, customer.IdUnknown, customer.Created) = (Text("id"), false, created);
                CustomerRecorded(created);
                break;
            case "a?":
                Of(Text("e")!).Pending.Add(Text("f")!);
                break;
            case "a":
                CustomerState owner = Of(Text("e")!);
                owner.Pending.Remove(Text("f")!);
                owner.Known[Text("f")!] = Text("id")!;
                if (record.GetProperty("new").GetBoolean())
                {
                    owner.Ours.Add(Text("f")!);
                    AddressCreated();
                }

                break;
            case "r":
                RowDone(record.GetProperty("l").GetInt64(), record.GetProperty("af").GetBoolean());
                break;
            case "x":
                RowRejected(record.GetProperty("l").GetInt64(), Text("why") ?? "rejected");
                break;
        }
    }
}

/// <summary>One customer of an import. Used by one row at a time (<see cref="RowTurns"/>).</summary>
internal sealed class CustomerState
{
    /// <summary>The customer's id on the server, once known.</summary>
    internal string? Id { get; set; }

    /// <summary>Whether a create was sent and its outcome is unknown: the server is asked before anything is sent again.</summary>
    internal bool IdUnknown { get; set; }

    /// <summary>Whether this import created the customer (so its addresses are the ones the journal knows).</summary>
    internal bool Created { get; set; }

    /// <summary>The addresses known to be on the server, by fingerprint, with their ids.</summary>
    internal Dictionary<string, string> Known { get; } = new(StringComparer.Ordinal);

    /// <summary>The addresses this import created: a row whose address is one of them did not find it on the server.</summary>
    internal HashSet<string> Ours { get; } = new(StringComparer.Ordinal);

    /// <summary>The addresses whose create was sent and whose outcome is unknown.</summary>
    internal HashSet<string> Pending { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether this run listed the customer's addresses since the last unknown outcome.</summary>
    internal bool Listed { get; set; }

    /// <summary>Whether <see cref="Known"/> is every active address of the customer: listed, or all created by this import with no outcome unknown.</summary>
    internal bool Complete => Listed || (Created && Pending.Count == 0);
}
