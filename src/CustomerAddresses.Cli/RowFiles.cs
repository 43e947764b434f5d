using System.Text;
using System.Text.Json;
using CustomerAddresses.Client;

namespace CustomerAddresses.Cli;

/// <summary>
/// The files of an import and an export: CSV with a header row, or NDJSON (<c>.ndjson</c>, <c>.jsonl</c>), chosen by
/// extension; members named as the API names them. An export writes what an import reads, plus the ids and the status.
/// </summary>
internal static class RowFiles
{
    /// <summary>The members an import reads, in the order an export writes them.</summary>
    internal static readonly string[] Imported = ["email", "name", "locale", "country_code", "description", "first_line", "second_line", "city", "postal_code", "region"];

    /// <summary>What an export adds: read by an import and not sent, since they belong to the server exported from.</summary>
    internal static readonly string[] ExportOnly = ["customer_id", "address_id", "status"];

    internal static bool IsNdjson(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".ndjson" or ".jsonl";

    internal static StreamReader Open(string path) => new(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);

    /// <summary>The rows of a file; <paramref name="header"/> is the CSV header line (for a rejects file), or null for NDJSON.</summary>
    internal static IEnumerable<BulkImportRow> Rows(string path, Action<string> header)
    {
        using StreamReader reader = Open(path);
        if (IsNdjson(path))
        {
            long number = 0;
            while (reader.ReadLine() is { } line)
            {
                number++;
                if (line.Trim().Length > 0)
                {
                    yield return FromJson(number, line);
                }
            }

            yield break;
        }

        string[]? columns = null;
        foreach (Csv.Record record in Csv.Read(reader))
        {
            if (columns is null)
            {
                columns = [.. record.Fields.Select(f => f.Trim())];
                header(Csv.Line(columns));
                continue;
            }

            string source = record.Raw;
            if (record.Problem is not null || record.Fields.Count != columns.Length)
            {
                yield return new BulkImportRow { LineNumber = record.Line, Problem = record.Problem ?? $"has {record.Fields.Count} fields where the header has {columns.Length}", Source = source };
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < columns.Length; i++)
            {
                if (record.Fields[i].Length > 0)
                {
                    values[columns[i]] = record.Fields[i];
                }
            }

            yield return Row(record.Line, values, source);
        }
    }

    private static BulkImportRow FromJson(long number, string line)
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
                switch (member.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        values[member.Name] = member.Value.GetString()!;
                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        return new BulkImportRow { LineNumber = number, Problem = $"{member.Name} must be a string or null", Source = line };
                }
            }
        }
        catch (JsonException)
        {
            return new BulkImportRow { LineNumber = number, Problem = "is not valid JSON", Source = line };
        }

        return Row(number, values, line);
    }

    private static BulkImportRow Row(long number, Dictionary<string, string> values, string source)
    {
        string? Get(string name) => values.GetValueOrDefault(name);
        string[] others = [.. values.Keys.Where(k => Array.IndexOf(Imported, k) < 0 && Array.IndexOf(ExportOnly, k) < 0)];
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
            OtherMembers = others.Length > 0 ? others : null,
            Source = source,
        };
    }

    /// <summary>An exported record's values, by the names of <see cref="Imported"/> then <see cref="ExportOnly"/>.</summary>
    internal static string?[] Values(BulkExportRecord record)
    {
        (Customer c, Address? a) = (record.Customer, record.Address);
        return
        [
            c.Email, c.Name, c.Locale, a?.Country?.Value, a?.Description, a?.FirstLine, a?.SecondLine, a?.City, a?.PostalCode, a?.Region,
            c.Id.Value, a?.Id.Value, a is not null ? a.Status?.Value : c.Status?.Value,
        ];
    }

    /// <summary>Every column an export writes, in order.</summary>
    internal static readonly string[] Exported = [.. Imported, .. ExportOnly];

    /// <summary>One object of string members as an NDJSON line: each name with its value, null where there is none.</summary>
    internal static string JsonLine(IReadOnlyList<string> names, IReadOnlyList<string?> values)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            for (int i = 0; i < names.Count; i++)
            {
                writer.WriteString(names[i], values[i]);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
