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
    private long _businessesCreated;
    private long _businessesFound;
    private long _rowsDone;
    private long _rejected;
    private long _doneBefore;
    private long _changed;
    private long _removed;

    /// <summary>Each customer of the import, by its email in lower case.</summary>
    internal ConcurrentDictionary<string, CustomerState> Customers { get; } = new(StringComparer.Ordinal);

    /// <summary>The rows done, by content key (<see cref="RowTurns.Key"/>): null when on the server, the reason when rejected.</summary>
    internal ConcurrentDictionary<string, string?> Rows { get; } = new(StringComparer.Ordinal);

    /// <summary>The rows the journal held when it was opened, by content key, with their line then: what this run's rows are compared with.</summary>
    internal Dictionary<string, long> Before { get; } = new(StringComparer.Ordinal);

    internal CustomerState Of(string email) => Customers.GetOrAdd(email, static _ => new CustomerState());

    internal void CustomerRecorded(bool created) => Interlocked.Increment(ref created ? ref _customersCreated : ref _customersFound);

    internal void Created(OwnedKind kind) => Interlocked.Increment(ref kind == OwnedKind.Address ? ref _addressesCreated : ref _businessesCreated);

    internal void RowDone(string key, bool addressFound, bool businessFound)
    {
        Rows[key] = null;
        Interlocked.Increment(ref _rowsDone);
        if (addressFound)
        {
            Interlocked.Increment(ref _addressesFound);
        }

        if (businessFound)
        {
            Interlocked.Increment(ref _businessesFound);
        }
    }

    internal void RowRejected(string key, string reason)
    {
        Rows[key] = reason;
        Interlocked.Increment(ref _rowsDone);
        Interlocked.Increment(ref _rejected);
    }

    /// <summary>Counts a row of this run the journal finished before (it is not worked on again).</summary>
    internal void DoneBefore() => Interlocked.Increment(ref _doneBefore);

    /// <summary>Counts a row of this run new to a journal that had rows.</summary>
    internal void Changed() => Interlocked.Increment(ref _changed);

    /// <summary>Counts the journal's rows that this run's rows, all read, no longer hold.</summary>
    internal void Removed(long count) => Interlocked.Exchange(ref _removed, count);

    /// <summary>Sets the counts of rows back to this run's own: the journal's rows are counted again as this run meets them.</summary>
    internal void StartRun()
    {
        Interlocked.Exchange(ref _rowsDone, 0);
        Interlocked.Exchange(ref _rejected, 0);
    }

    /// <summary>Counts a row the journal finished as done by this run too (met again in the source).</summary>
    internal void Met(bool rejected)
    {
        Interlocked.Increment(ref _rowsDone);
        if (rejected)
        {
            Interlocked.Increment(ref _rejected);
        }
    }

    internal BulkProgress Snapshot(long requests, long rateLimited, DateTimeOffset? stalledUntil) => new()
    {
        RowsDone = Interlocked.Read(ref _rowsDone),
        Rejected = Interlocked.Read(ref _rejected),
        CustomersCreated = Interlocked.Read(ref _customersCreated),
        CustomersFound = Interlocked.Read(ref _customersFound),
        AddressesCreated = Interlocked.Read(ref _addressesCreated),
        AddressesFound = Interlocked.Read(ref _addressesFound),
        BusinessesCreated = Interlocked.Read(ref _businessesCreated),
        BusinessesFound = Interlocked.Read(ref _businessesFound),
        RowsDoneBefore = Interlocked.Read(ref _doneBefore),
        RowsChanged = Interlocked.Read(ref _changed),
        RowsRemoved = Interlocked.Read(ref _removed),
        Requests = requests,
        RateLimited = rateLimited,
        StalledUntil = stalledUntil,
    };

    /// <summary>Applies one journal record (see <see cref="ImportJournal"/>).</summary>
    /// <exception cref="FormatException">The record lacks a member its type has, or has one of the wrong kind; the message says which.</exception>
    internal void Apply(JsonElement record, long line)
    {
        switch (Text(record, "t"))
        {
            case "c?":
                Of(Text(record, "e")).IdUnknown = true;
                break;
            case "c":
                CustomerState customer = Of(Text(record, "e"));
                bool created = Flag(record, "new");
                (customer.Id, customer.IdUnknown, customer.Created) = (Text(record, "id"), false, created);
                CustomerRecorded(created);
                break;
            case "a?" or "b?":
                Of(Text(record, "e")).Of(Kind(record)).Pending.Add(Text(record, "f"));
                break;
            case "a" or "b":
                OwnedKind kind = Kind(record);
                OwnedState owned = Of(Text(record, "e")).Of(kind);
                string fingerprint = Text(record, "f");
                owned.Pending.Remove(fingerprint);
                owned.Known[fingerprint] = Text(record, "id");
                if (Flag(record, "new"))
                {
                    owned.Ours.Add(fingerprint);
                    Created(kind);
                }

                break;
            case "r":
                RowDone(Text(record, "k"), Flag(record, "af"), record.TryGetProperty("bf", out _) && Flag(record, "bf")); // "bf" only where the row has a business
                Before[Text(record, "k")] = Number(record, "l");
                break;
            case "x":
                RowRejected(Text(record, "k"), Text(record, "why"));
                Before[Text(record, "k")] = Number(record, "l");
                break;
            case "import":
                if (line != 1)
                {
                    throw new FormatException("is a second start of an import");
                }

                break;
            case var other:
                throw new FormatException($"has a type ('{other}') no import writes");
        }
    }

    /// <summary>Whose record it is: <c>a</c> and <c>a?</c> an address's, <c>b</c> and <c>b?</c> a business's.</summary>
    private static OwnedKind Kind(JsonElement record) => Text(record, "t")[0] == 'a' ? OwnedKind.Address : OwnedKind.Business;

    private static JsonElement Member(JsonElement record, string name, JsonValueKind kind) =>
        record.TryGetProperty(name, out JsonElement value) && value.ValueKind == kind ? value : throw new FormatException($"lacks its member '{name}' ({kind.ToString().ToLowerInvariant()})");

    private static string Text(JsonElement record, string name) => Member(record, name, JsonValueKind.String).GetString()!;

    private static long Number(JsonElement record, string name) =>
        Member(record, name, JsonValueKind.Number).TryGetInt64(out long value) ? value : throw new FormatException($"has a member '{name}' that is not a whole number");

    private static bool Flag(JsonElement record, string name) =>
        record.TryGetProperty(name, out JsonElement value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw new FormatException($"lacks its member '{name}' (true or false)");
}

/// <summary>One customer of an import. Used by one row at a time (<see cref="RowTurns"/>).</summary>
internal sealed class CustomerState
{
    /// <summary>The customer's id on the server, once known.</summary>
    internal string? Id { get; set; }

    /// <summary>Whether a create was sent and its outcome is unknown: the server is asked before anything is sent again.</summary>
    internal bool IdUnknown { get; set; }

    /// <summary>Whether this import created the customer (so its addresses and businesses are the ones the journal knows).</summary>
    internal bool Created { get; set; }

    /// <summary>The customer's addresses, as far as the import knows them.</summary>
    internal OwnedState Addresses { get; } = new();

    /// <summary>The customer's businesses, as far as the import knows them.</summary>
    internal OwnedState Businesses { get; } = new();

    /// <summary>The addresses or the businesses.</summary>
    internal OwnedState Of(OwnedKind kind) => kind == OwnedKind.Address ? Addresses : Businesses;
}

/// <summary>What a customer owns that an import creates: its addresses, its businesses.</summary>
internal enum OwnedKind
{
    Address,
    Business,
}

/// <summary>A customer's addresses or businesses, as far as the import knows them, by fingerprint.</summary>
internal sealed class OwnedState
{
    /// <summary>The ones known to be on the server, by fingerprint, with their ids.</summary>
    internal Dictionary<string, string> Known { get; } = new(StringComparer.Ordinal);

    /// <summary>The ones this import created: a row whose entity is one of them did not find it on the server.</summary>
    internal HashSet<string> Ours { get; } = new(StringComparer.Ordinal);

    /// <summary>The ones whose create was sent and whose outcome is unknown.</summary>
    internal HashSet<string> Pending { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether this run listed them since the last unknown outcome.</summary>
    internal bool Listed { get; set; }

    /// <summary>Whether <see cref="Known"/> is every active one: listed, or all created by this import (the customer too) with no outcome unknown.</summary>
    internal bool Complete(bool customerCreated) => Listed || (customerCreated && Pending.Count == 0);
}
