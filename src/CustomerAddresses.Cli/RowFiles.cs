using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerAddresses.Client;
using CustomerAddresses.Client.Bulk;
using CustomerAddresses.Client.Primitives;
using nietras.SeparatedValues;

namespace CustomerAddresses.Cli;

/// <summary>
/// The files of an import and an export: CSV with a header row (its separator <c>,</c>, <c>;</c> or tab, detected from
/// the header or chosen with <c>--delimiter</c>), or NDJSON (<c>.ndjson</c>, <c>.jsonl</c>), chosen by extension; UTF-8
/// with or without a byte order mark; members named as the API names them, in any order and any case.
/// </summary>
internal static class RowFiles
{
    /// <summary>The members an import reads, in the order an export writes them.</summary>
    internal static readonly string[] Imported = ["email", "name", "locale", "country_code", "description", "first_line", "second_line", "city", "postal_code", "region"];

    /// <summary>What an export adds: read by an import and not sent, since they belong to the server exported from.</summary>
    internal static readonly string[] ExportOnly = ["customer_id", "address_id", "status"];

    /// <summary>What a rejects file adds: read by an import and not sent, so a fixed rejects file imports as it is.</summary>
    internal static readonly string[] RejectsOnly = ["line", "reason"];

    /// <summary>Every column an export writes, in order.</summary>
    internal static readonly string[] Exported = [.. Imported, .. ExportOnly];

    internal static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static bool IsNdjson(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".ndjson" or ".jsonl";

    /// <summary>The separator <c>--delimiter</c> names: <c>,</c>, <c>;</c>, or <c>tab</c>.</summary>
    internal static char? Delimiter(string? option) => option switch
    {
        null => null,
        "," or "comma" => ',',
        ";" or "semicolon" => ';',
        "tab" or "\t" => '\t',
        _ => throw new UsageException($"--delimiter takes ',' ';' or tab, not {Echo.Quote(option)}"),
    };

    /// <summary>An exported record's values, by the names of <see cref="Exported"/>.</summary>
    internal static string?[] Values(BulkExportRecord record)
    {
        (Customer c, Address? a) = (record.Customer, record.Address);
        return
        [
            c.Email, c.Name, c.Locale, a?.Country?.Value, a?.Description, a?.FirstLine, a?.SecondLine, a?.City, a?.PostalCode, a?.Region,
            c.Id.Value, a?.Id.Value, a is not null ? a.Status?.Value : c.Status?.Value,
        ];
    }

    /// <summary>One object of string members as an NDJSON line: each name with its value, null where there is none; other scripts than Latin as they are.</summary>
    internal static string JsonLine(IReadOnlyList<string> names, IReadOnlyList<string?> values) => JsonObjectLine(writer =>
    {
        for (int i = 0; i < names.Count; i++)
        {
            writer.WriteString(names[i], values[i]);
        }
    });

    /// <summary>One JSON object on one line, its members written by <paramref name="members"/>; other scripts than Latin as they are.</summary>
    internal static string JsonObjectLine(Action<Utf8JsonWriter> members)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>One CSV record: fields separated by <paramref name="delimiter"/>, each quoted when it holds the separator, a quote, a line break or outer spaces.</summary>
    internal static string CsvLine(IEnumerable<string?> fields, char delimiter)
    {
        using var text = new StringWriter();
        using (SepWriter writer = new Sep(delimiter).Writer(o => o with { WriteHeader = false, Escape = true, DisableColCountCheck = true }).To(text))
        {
            using SepWriter.Row row = writer.NewRow();
            int i = 0;
            foreach (string? field in fields)
            {
                row[i++].Set(field ?? string.Empty);
            }
        }

        return text.ToString().TrimEnd('\r', '\n');
    }
}

/// <summary>
/// An import's input file, read twice: once when opened (every byte checked as UTF-8, the header checked, the rows
/// counted), then as rows. A problem with the file as a whole (not UTF-8, a header that names a column twice or has no
/// <c>email</c>) is a <see cref="UsageException"/>: one line, exit code 2, before anything is sent.
/// </summary>
internal sealed class InputFile
{
    private readonly bool _raw;
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
    private readonly Action<string> _warn;

    private InputFile(string path, bool raw, Action<string> warn)
    {
        Path = path;
        _raw = raw;
        _warn = warn;
    }

    internal string Path { get; }

    internal bool IsNdjson => RowFiles.IsNdjson(Path);

    /// <summary>The CSV separator, detected or chosen.</summary>
    internal char Delimiter { get; private set; } = ',';

    /// <summary>The CSV header as the file gives it.</summary>
    internal string[] Header { get; private set; } = [];

    /// <summary>Each CSV column's member (lower case), or null for a column the import leaves out.</summary>
    private string?[] _members = [];

    internal long Count { get; private set; }

    /// <summary>Checks and counts the file.</summary>
    /// <exception cref="UsageException">The file cannot be imported as a whole.</exception>
    internal static InputFile Open(string path, char? delimiter, bool raw, Action<string> warn)
    {
        var file = new InputFile(path, raw, warn);
        CheckUtf8(path);
        if (file.IsNdjson)
        {
            file.Count = File.ReadLines(path).LongCount(line => line.Trim().Length > 0);
            return file;
        }

        using StreamReader text = Open(path);
        using SepReader reader = Reader(delimiter).From(text);
        long count = 0;
        bool header = true;
        foreach (SepReader.Row row in reader)
        {
            if (header)
            {
                file.ReadHeader(row, warn);
                file.Delimiter = reader.Spec.Sep.Separator;
                header = false;
            }
            else if (!Blank(row))
            {
                count++;
            }
        }

        if (header)
        {
            throw new UsageException($"{Echo.Quote(path, 260)} is empty: a CSV file begins with a header row naming its columns (email, name, …)");
        }

        file.Count = count;
        return file;
    }

    /// <summary>The rows, each with its fields (CSV) or its line (NDJSON) as <see cref="BulkImportRow.Source"/>.</summary>
    internal IEnumerable<BulkImportRow> Rows() => IsNdjson ? JsonRows() : CsvRows();

    private IEnumerable<BulkImportRow> CsvRows()
    {
        using StreamReader text = Open(Path);
        using SepReader reader = Reader(Delimiter).From(text);
        bool header = true;
        foreach (SepReader.Row row in reader)
        {
            if (header || Blank(row))
            {
                header = false;
                continue;
            }

            long line = row.LineNumberFrom;
            string[] fields = new string[row.ColCount];
            for (int i = 0; i < fields.Length; i++)
            {
                fields[i] = row[i].ToString();
            }

            if (fields.Length != _members.Length)
            {
                yield return new BulkImportRow { LineNumber = line, Problem = $"has {fields.Length} fields where the header has {_members.Length}", Source = fields };
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < fields.Length; i++)
            {
                if (_members[i] is { } member && fields[i].Length > 0)
                {
                    values[member] = _raw ? fields[i] : SpreadsheetCells.Restore(fields[i]);
                }
            }

            yield return Row(line, values, fields);
        }
    }

    private IEnumerable<BulkImportRow> JsonRows()
    {
        long number = 0;
        foreach (string line in File.ReadLines(Path))
        {
            number++;
            if (line.Trim().Length > 0)
            {
                yield return FromJson(number, line);
            }
        }
    }

    private void ReadHeader(SepReader.Row row, Action<string> warn)
    {
        Header = new string[row.ColCount];
        _members = new string?[row.ColCount];
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        var unknown = new List<string>();
        for (int i = 0; i < Header.Length; i++)
        {
            Header[i] = row[i].ToString();
            string name = Header[i].Trim().ToLowerInvariant();
            if (at.TryGetValue(name, out int first))
            {
                throw new UsageException($"{Echo.Quote(Path, 260)}: the header names {Echo.Quote(name)} twice (columns {first + 1} and {i + 1}); which one to import is not clear");
            }

            at[name] = i;
            if (Array.IndexOf(RowFiles.Imported, name) >= 0)
            {
                _members[i] = name;
            }
            else if (Array.IndexOf(RowFiles.ExportOnly, name) < 0 && Array.IndexOf(RowFiles.RejectsOnly, name) < 0)
            {
                unknown.Add(name);
            }
        }

        if (!at.ContainsKey("email"))
        {
            throw new UsageException($"{Echo.Quote(Path, 260)}: the header has no email column (it names {string.Join(", ", Header.Select(h => Echo.Quote(h)))}); the first row must name the columns");
        }

        if (unknown.Count > 0)
        {
            warn($"{Echo.Quote(Path, 260)}: {(unknown.Count == 1 ? "column" : "columns")} {string.Join(", ", unknown.Select(u => Echo.Quote(u)))} {(unknown.Count == 1 ? "is" : "are")} not read by an import and {(unknown.Count == 1 ? "is" : "are")} left out");
        }
    }

    private BulkImportRow FromJson(long number, string line)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using JsonDocument document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new BulkImportRow { LineNumber = number, Problem = "is not a JSON object", Source = line };
            }

            foreach (JsonProperty member in document.RootElement.EnumerateObject())
            {
                string name = member.Name.ToLowerInvariant();
                if (Array.IndexOf(RowFiles.Imported, name) < 0)
                {
                    if (Array.IndexOf(RowFiles.ExportOnly, name) < 0 && Array.IndexOf(RowFiles.RejectsOnly, name) < 0 && _warned.Add(name))
                    {
                        _warn($"{Echo.Quote(Path, 260)}: member {Echo.Quote(member.Name)} is not read by an import and is left out");
                    }

                    continue;
                }

                switch (member.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        if (!values.TryAdd(name, member.Value.GetString()!))
                        {
                            return new BulkImportRow { LineNumber = number, Problem = $"names {name} twice", Source = line };
                        }

                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        return new BulkImportRow { LineNumber = number, Problem = $"{name} must be a string or null", Source = line };
                }
            }
        }
        catch (JsonException)
        {
            return new BulkImportRow { LineNumber = number, Problem = "is not valid JSON", Source = line };
        }

        return Row(number, values, line);
    }

    private static BulkImportRow Row(long number, Dictionary<string, string> values, object source)
    {
        string? Get(string name) => values.GetValueOrDefault(name);
        return new BulkImportRow
        {
            LineNumber = number,
            Email = Get("email"),
            Name = Get("name"),
            Locale = Get("locale"),
            Country = Get("country_code"),
            Description = Get("description"),
            FirstLine = Get("first_line"),
            SecondLine = Get("second_line"),
            City = Get("city"),
            PostalCode = Get("postal_code"),
            Region = Get("region"),
            Source = source,
        };
    }

    private static bool Blank(SepReader.Row row) => row.ColCount == 1 && row[0].Span.Trim().IsEmpty;

    private static SepReaderOptions Reader(char? delimiter) =>
        new SepReaderOptions(delimiter is { } d ? new Sep(d) : null) with { HasHeader = false, Unescape = true, DisableColCountCheck = true };

    private static StreamReader Open(string path) => new(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);

    /// <summary>Refuses a file that is not UTF-8, naming the first line that is not.</summary>
    private static void CheckUtf8(string path)
    {
        Decoder decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        using FileStream stream = File.OpenRead(path);
        byte[] buffer = new byte[64 * 1024];
        char[] chars = new char[buffer.Length + 4];
        long line = 1;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            try
            {
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            }
            catch (DecoderFallbackException e)
            {
                int at = Math.Clamp(e.Index, 0, read);
                line += buffer.AsSpan(0, at).Count((byte)'\n');
                throw new UsageException($"{Echo.Quote(path, 260)} line {line} is not UTF-8 (save the file as UTF-8 and run it again)");
            }

            line += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        try
        {
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            throw new UsageException($"{Echo.Quote(path, 260)} line {line} is not UTF-8: it ends inside a character");
        }
    }
}
