using System.Buffers;
using System.Text;
using System.Text.Json;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client.Bulk;

/// <summary>
/// The journal of a bulk import: one JSON record a line, appended and flushed before the step that depends on it. An
/// intent (<c>c?</c>, <c>a?</c>) is written before a create is sent, its outcome (<c>c</c>, <c>a</c>) once it is known,
/// and a row's end (<c>r</c>, or <c>x</c> when rejected) last. A torn last line, from a process killed mid-write, is
/// dropped when the journal is opened again. Thread-safe.
/// </summary>
internal sealed class ImportJournal : IDisposable
{
    private readonly FileStream _file;
    private readonly bool _flushToDisk;
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    private ImportJournal(FileStream file, bool flushToDisk)
    {
        _file = file;
        _flushToDisk = flushToDisk;
    }

    /// <summary>Opens (or creates) a journal of an import into <paramref name="target"/>, and reads back what it holds.</summary>
    /// <exception cref="InvalidOperationException">The journal belongs to an import into another server, or a line other than the last is not a record.</exception>
    internal static ImportJournal Open(string path, string target, bool flushToDisk, ImportState state)
    {
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.SequentialScan);
        try
        {
            long good = Replay(file, path, target, state);
            file.SetLength(good); // a torn last line is dropped
            file.Seek(0, SeekOrigin.End);
            var journal = new ImportJournal(file, flushToDisk);
            if (good == 0)
            {
                journal.Append(w => w.WriteString("target"u8, target), "import");
            }

            return journal;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads every whole record (a line ended by a line feed) into <paramref name="state"/>; returns where the last one ends.</summary>
    private static long Replay(FileStream file, string path, string target, ImportState state)
    {
        byte[] bytes = new byte[file.Length];
        file.ReadExactly(bytes);
        ReadOnlySpan<byte> rest = bytes;
        long good = 0;
        for (int number = 1; rest.IndexOf((byte)'\n') is var newline and >= 0; number++)
        {
            ReadOnlySpan<byte> line = rest[..newline];
            JsonDocument record;
            try
            {
                record = JsonDocument.Parse(line.ToArray());
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"The journal {Echo.Quote(path, 260)} is damaged: line {number} is not a record. Move it away to start the import afresh.", e);
            }

            using (record)
            {
                JsonElement root = record.RootElement;
                if (root.GetProperty("t").GetString() == "import" && root.GetProperty("target").GetString() != target)
                {
                    throw new InvalidOperationException($"The journal {Echo.Quote(path, 260)} is of an import into {Echo.Quote(root.GetProperty("target").GetString() ?? string.Empty, 200)}, not {Echo.Quote(target, 200)}. Use another journal for another server.");
                }

                state.Apply(root);
            }

            good += newline + 1;
            rest = rest[(newline + 1)..];
        }

        return good; // what follows, if anything, is a line a killed process did not finish
    }

    internal void CustomerIntent(string email) => Append(w => w.WriteString("e"u8, email), "c?");

    internal void Customer(string email, string id, bool created) => Append(w =>
    {
        w.WriteString("e"u8, email);
        w.WriteString("id"u8, id);
        w.WriteBoolean("new"u8, created);
    }, "c");

    internal void AddressIntent(string email, string fingerprint) => Append(w =>
    {
        w.WriteString("e"u8, email);
        w.WriteString("f"u8, fingerprint);
    }, "a?");

    internal void Address(string email, string fingerprint, string id, bool created) => Append(w =>
    {
        w.WriteString("e"u8, email);
        w.WriteString("f"u8, fingerprint);
        w.WriteString("id"u8, id);
        w.WriteBoolean("new"u8, created);
    }, "a");

    internal void RowDone(long line, bool addressFound) => Append(w =>
    {
        w.WriteNumber("l"u8, line);
        w.WriteBoolean("af"u8, addressFound);
    }, "r");

    internal void RowRejected(long line, string reason) => Append(w =>
    {
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

            _buffer.Write("\n"u8);
            _file.Write(_buffer.WrittenSpan);
            _file.Flush(_flushToDisk);
        }
    }

    public void Dispose() => _file.Dispose();
}
