using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CustomerAddresses.Client.Bulk;

/// <summary>
/// The journal of a bulk import: one JSON record a line, appended and flushed before the step that depends on it. The
/// first names the journal's format, its server and its source; an intent (<c>c?</c> a customer's, <c>a?</c> an
/// address's, <c>b?</c> a business's) is written before a create is sent, its outcome (<c>c</c>, <c>a</c>, <c>b</c>) once
/// it is known, and a row's end (<c>r</c>, or <c>x</c> when rejected) last, by the row's content key. Every record ends with <c>h</c>, a checksum of itself and of the record
/// before (the first's, of the server and the source): a record edited, removed or moved breaks the chain from there,
/// and the journal is refused. A torn last line, from a process killed mid-write, is dropped when the journal is opened
/// again. The file is held with an exclusive lock while open. Thread-safe.
/// </summary>
internal sealed class ImportJournal : IDisposable
{
    private const int Version = 2;
    /// <summary>Another holder's lock: ERROR_SHARING_VIOLATION on Windows; on Unix the errno of the refused lock, EWOULDBLOCK (11 on Linux, 35 on macOS).</summary>
    private static bool InUse(IOException e) => e.HResult == unchecked((int)0x80070020) || (!OperatingSystem.IsWindows() && e.HResult is 11 or 35);
    private readonly FileStream _file;
    private readonly bool _flushToDisk;
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private string _chain;

    private ImportJournal(FileStream file, bool flushToDisk, string chain)
    {
        _file = file;
        _flushToDisk = flushToDisk;
        _chain = chain;
    }

    /// <summary>Opens (or creates) the journal of an import into <paramref name="target"/> from <paramref name="source"/>, and reads back what it holds.</summary>
    /// <exception cref="BulkJournalException">It cannot be used (see the type); the file was left as it was.</exception>
    internal static ImportJournal Open(string path, string target, string? source, bool flushToDisk, ImportState state)
    {
        if (Directory.Exists(path))
        {
            throw new BulkJournalException(path, null, "is a directory, not a file.");
        }

        FileStream file;
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None, Options = FileOptions.SequentialScan };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // it holds customers' emails
            }

            file = new FileStream(path, options);
        }
        catch (IOException e) when (e.GetType() == typeof(IOException))
        {
            throw new BulkJournalException(path, null, InUse(e)
                ? "is in use by another import: one import holds a journal at a time."
                : "cannot be opened: " + e.Message, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new BulkJournalException(path, null, "cannot be opened: permission denied.", e);
        }

        try
        {
            string header = Header(target, source);
            (long good, string chain) = Replay(file, path, target, source, state);
            if (good == 0)
            {
                var created = new ImportJournal(file, flushToDisk, string.Empty);
                created.AppendLine(Encoding.UTF8.GetBytes(header));
                return created;
            }

            file.SetLength(good); // a torn last line is dropped
            file.Seek(0, SeekOrigin.End);
            return new ImportJournal(file, flushToDisk, chain);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The first record: the format, the server, the source. Its checksum seeds the chain.</summary>
    private static string Header(string target, string? source)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("t"u8, "import");
            writer.WriteNumber("v"u8, Version);
            writer.WriteString("target"u8, target);
            writer.WriteString("source"u8, source);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Checks and reads every whole record into <paramref name="state"/>; returns where the last one ends, and the chain after it.</summary>
    private static (long Good, string Chain) Replay(FileStream file, string path, string target, string? source, ImportState state)
    {
        byte[] bytes = new byte[file.Length];
        file.ReadExactly(bytes);
        ReadOnlySpan<byte> rest = bytes;
        long good = 0;
        string chain = string.Empty;
        long number = 1;
        for (; rest.IndexOf((byte)'\n') is var newline and >= 0; number++)
        {
            ReadOnlySpan<byte> line = rest[..newline];
            (JsonDocument record, byte[] body, string sum) = Parse(line, path, number);
            using (record)
            {
                if (number == 1)
                {
                    First(record.RootElement, path, target, source);
                }

                if (!string.Equals(sum, Sum(chain, body), StringComparison.Ordinal))
                {
                    throw new BulkJournalException(path, number, number == 1
                        ? "has a checksum that does not match its start: it was edited. Move it away to start the import afresh."
                        : "has a checksum that does not follow from the line before: the journal was edited, or lines were removed or moved. Move it away to start the import afresh.");
                }

                try
                {
                    state.Apply(record.RootElement, number);
                }
                catch (FormatException e)
                {
                    throw new BulkJournalException(path, number, e.Message + ": it is not a record an import writes.", e);
                }
            }

            chain = sum;
            good += newline + 1;
            rest = rest[(newline + 1)..];
        }

        if (good == 0 && rest.Length > 0)
        {
            // One line, unended: not a journal this import wrote (its first record is written whole, then flushed).
            throw new BulkJournalException(path, 1, "is not an import journal, and was left as it is.");
        }

        return (good, chain); // what follows, if anything, is a line a killed process did not finish
    }

    /// <summary>Refuses a file whose first record is not this format's start, or is of another server or source.</summary>
    private static void First(JsonElement root, string path, string target, string? source)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("t", out JsonElement t) || t.ValueKind != JsonValueKind.String || t.GetString() != "import")
        {
            throw new BulkJournalException(path, 1, "is not an import journal, and was left as it is.");
        }

        if (!root.TryGetProperty("v", out JsonElement v) || v.ValueKind != JsonValueKind.Number || v.GetInt32() != Version)
        {
            throw new BulkJournalException(path, 1, $"was written by another version of the import (this one reads version {Version}); finish it with that version, or move it away to start afresh.");
        }

        foreach ((string member, string? ours) in (ReadOnlySpan<(string, string?)>)[("target", target), ("source", source)])
        {
            string? theirs = root.TryGetProperty(member, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            if (!string.Equals(theirs, ours, StringComparison.Ordinal))
            {
                throw new BulkJournalException(path, 1, member == "target"
                    ? $"is of an import into {CustomerAddresses.Client.Primitives.Echo.Quote(theirs ?? "(none)", 200)}, not {CustomerAddresses.Client.Primitives.Echo.Quote(ours ?? "(none)", 200)}. Use another journal for another server."
                    : $"is of an import from {CustomerAddresses.Client.Primitives.Echo.Quote(theirs ?? "(none)", 260)}, not {CustomerAddresses.Client.Primitives.Echo.Quote(ours ?? "(none)", 260)}. Use another journal for another source.");
            }
        }
    }

    /// <summary>A line as a record: its JSON, its text without the checksum, and the checksum.</summary>
    private static (JsonDocument Record, byte[] Body, string Sum) Parse(ReadOnlySpan<byte> line, string path, long number)
    {
        int at = line.LastIndexOf(",\"h\":\""u8);
        JsonDocument record;
        try
        {
            record = JsonDocument.Parse(line.ToArray());
        }
        catch (JsonException e)
        {
            throw new BulkJournalException(path, number, number == 1 ? "is not an import journal, and was left as it is." : "is not a record (not JSON). Move the journal away to start the import afresh.", e);
        }

        if (at < 0 || !line.EndsWith("\"}"u8) || record.RootElement.ValueKind != JsonValueKind.Object
            || !record.RootElement.TryGetProperty("h", out JsonElement h) || h.ValueKind != JsonValueKind.String)
        {
            record.Dispose();
            throw new BulkJournalException(path, number, number == 1 ? "is not an import journal, and was left as it is." : "is not a record an import writes (it has no checksum).");
        }

        byte[] body = [.. line[..at], (byte)'}'];
        return (record, body, h.GetString()!);
    }

    /// <summary>The checksum of a record: SHA-256 of the one before's and of its text, the first 16 bytes in hex.</summary>
    private static string Sum(string previous, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.ASCII.GetBytes(previous));
        hash.AppendData("\n"u8);
        hash.AppendData(body);
        return Convert.ToHexString(hash.GetHashAndReset().AsSpan(0, 16)).ToLowerInvariant();
    }

    internal void CustomerIntent(string email) => Append(w => w.WriteString("e"u8, email), "c?");

    internal void Customer(string email, string id, bool created) => Append(w =>
    {
        w.WriteString("e"u8, email);
        w.WriteString("id"u8, id);
        w.WriteBoolean("new"u8, created);
    }, "c");

    /// <summary>Before an address (<c>a?</c>) or a business (<c>b?</c>) is sent.</summary>
    internal void OwnedIntent(OwnedKind kind, string email, string fingerprint) => Append(w =>
    {
        w.WriteString("e"u8, email);
        w.WriteString("f"u8, fingerprint);
    }, kind == OwnedKind.Address ? "a?" : "b?");

    /// <summary>An address (<c>a</c>) or a business (<c>b</c>) known on the server, and whether this import created it.</summary>
    internal void Owned(OwnedKind kind, string email, string fingerprint, string id, bool created) => Append(w =>
    {
        w.WriteString("e"u8, email);
        w.WriteString("f"u8, fingerprint);
        w.WriteString("id"u8, id);
        w.WriteBoolean("new"u8, created);
    }, kind == OwnedKind.Address ? "a" : "b");

    /// <summary>A row done; <c>bf</c> (whether its business was there already) only for a row with a business.</summary>
    internal void RowDone(string key, long line, bool addressFound, bool? businessFound) => Append(w =>
    {
        w.WriteString("k"u8, key);
        w.WriteNumber("l"u8, line);
        w.WriteBoolean("af"u8, addressFound);
        if (businessFound is { } found)
        {
            w.WriteBoolean("bf"u8, found);
        }
    }, "r");

    internal void RowRejected(string key, long line, string reason) => Append(w =>
    {
        w.WriteString("k"u8, key);
        w.WriteNumber("l"u8, line);
        w.WriteString("why"u8, reason);
    }, "x");

    private void Append(Action<Utf8JsonWriter> members, string type)
    {
        lock (_buffer)
        {
            _buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(_buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("t"u8, type);
                members(writer);
                writer.WriteEndObject();
            }

            AppendLine(_buffer.WrittenSpan);
        }
    }

    /// <summary>Writes one record (its JSON object) with its checksum and a line feed, and flushes it.</summary>
    private void AppendLine(ReadOnlySpan<byte> body)
    {
        lock (_file)
        {
            _chain = Sum(_chain, body);
            byte[] line = [.. body[..^1], .. ",\"h\":\""u8, .. Encoding.ASCII.GetBytes(_chain), .. "\"}\n"u8];
            _file.Write(line);
            _file.Flush(_flushToDisk);
        }
    }

    public void Dispose() => _file.Dispose();
}
