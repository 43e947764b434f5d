using System.Globalization;
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
    /// <summary>The business members an import reads; <see cref="Contacts"/> is a JSON array of <c>{"name", "email"}</c> objects.</summary>
    internal static readonly string[] BusinessMembers = ["business_name", "company_number", "tax_identifier", Contacts];

    /// <summary>The members an import reads, in the order an export writes them.</summary>
    internal static readonly string[] Imported = ["email", "name", "locale", "country_code", "description", "first_line", "second_line", "city", "postal_code", "region", .. BusinessMembers];

    /// <summary>What an export writes of a saved payment method, when asked: read by an import and not sent (only a checkout saves one).</summary>
    internal static readonly string[] PaymentMethodColumns = ["payment_method_id", "payment_method_type", "card_type", "card_last4", "card_expiry_month", "card_expiry_year", "payment_method_origin", "saved_at"];

    /// <summary>What an export adds: read by an import and not sent, since they belong to the server exported from.</summary>
    internal static readonly string[] ExportOnly = ["customer_id", "address_id", "business_id", "status", .. PaymentMethodColumns];

    /// <summary>What a rejects file adds: read by an import and not sent, so a fixed rejects file imports as it is.</summary>
    internal static readonly string[] RejectsOnly = ["line", "reason"];

    /// <summary>The business's contacts: a JSON array in a CSV cell, an array in NDJSON.</summary>
    internal const string Contacts = "business_contacts";

    /// <summary>The columns an export writes, in order: the business columns where the server has businesses, the payment method columns when asked.</summary>
    internal static string[] Exported(bool businesses, bool paymentMethods) =>
    [
        .. Imported.Where(c => businesses || Array.IndexOf(BusinessMembers, c) < 0),
        .. ExportOnly.Where(c => (businesses || c != "business_id") && (paymentMethods || Array.IndexOf(PaymentMethodColumns, c) < 0)),
    ];

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

    /// <summary>
    /// An exported record's values for <paramref name="columns"/>. A saved payment method's record gives its kind, card
    /// scheme, last four digits, expiry, origin, address and time, never the cardholder's name or the PayPal account.
    /// </summary>
    internal static string?[] Values(BulkExportRecord record, IReadOnlyList<string> columns)
    {
        (Customer c, Address? a, Business? b, PaymentMethod? m) = (record.Customer, record.Address, record.Business, record.PaymentMethod);
        string? Value(string column) => column switch
        {
            "email" => c.Email,
            "name" => c.Name,
            "locale" => c.Locale,
            "country_code" => a?.Country?.Value,
            "description" => a?.Description,
            "first_line" => a?.FirstLine,
            "second_line" => a?.SecondLine,
            "city" => a?.City,
            "postal_code" => a?.PostalCode,
            "region" => a?.Region,
            "business_name" => b?.Name,
            "company_number" => b?.CompanyNumber,
            "tax_identifier" => b?.TaxIdentifier,
            Contacts => ContactsJson(b?.Contacts),
            "customer_id" => c.Id.Value,
            "address_id" => a?.Id.Value ?? m?.AddressId?.Value,
            "business_id" => b?.Id.Value,
            "status" => a?.Status?.Value ?? b?.Status?.Value ?? c.Status?.Value,
            "payment_method_id" => m?.Id.Value,
            "payment_method_type" => m?.Type?.Value,
            "card_type" => m?.Card?.Type?.Value ?? m?.SouthKoreaLocalCard?.Type,
            "card_last4" => m?.Card?.Last4 ?? m?.SouthKoreaLocalCard?.Last4,
            "card_expiry_month" => m?.Card?.ExpiryMonth?.ToString(CultureInfo.InvariantCulture),
            "card_expiry_year" => m?.Card?.ExpiryYear?.ToString(CultureInfo.InvariantCulture),
            "payment_method_origin" => m?.Origin?.Value,
            "saved_at" => m?.SavedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            _ => throw new ArgumentOutOfRangeException(nameof(columns), column, "Not a column an export writes."),
        };

        return [.. columns.Select(Value)];
    }

    /// <summary>Contacts as a JSON array of <c>{"name", "email"}</c> objects (a name only where there is one); null for none.</summary>
    internal static string? ContactsJson(IReadOnlyList<BusinessContact>? contacts) => contacts is not { Count: > 0 } ? null : JsonText(writer =>
    {
        writer.WriteStartArray();
        foreach (BusinessContact contact in contacts)
        {
            writer.WriteStartObject();
            if (contact.Name is not null)
            {
                writer.WriteString("name"u8, contact.Name);
            }

            writer.WriteString("email"u8, contact.Email);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    /// <summary>
    /// Reads <see cref="Contacts"/>: a JSON array of objects, each with an <c>email</c> and optionally a <c>name</c>
    /// (strings); anything else is a problem named in words, so that nothing given is dropped.
    /// </summary>
    internal static IReadOnlyList<BusinessContact>? ParseContacts(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        const string Shape = Contacts + " must be a JSON array of objects with an \"email\" and optionally a \"name\", such as [{\"name\":\"Jo Brown\",\"email\":\"jo@example.com\"}]";
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                problem = Shape;
                return null;
            }

            var contacts = new List<BusinessContact>();
            foreach (JsonElement item in document.RootElement.EnumerateArray())
            {
                string? name = null, email = null;
                if (item.ValueKind != JsonValueKind.Object)
                {
                    problem = Shape;
                    return null;
                }

                foreach (JsonProperty member in item.EnumerateObject())
                {
                    bool isText = member.Value.ValueKind == JsonValueKind.String;
                    switch (member.Name)
                    {
                        case "name" when isText || member.Value.ValueKind == JsonValueKind.Null:
                            name = member.Value.GetString();
                            break;
                        case "email" when isText:
                            email = member.Value.GetString();
                            break;
                        default:
                            problem = $"{Shape}; {Echo.Quote(member.Name)} is not one of them";
                            return null;
                    }
                }

                if (email is null)
                {
                    problem = $"{Shape}; contact {contacts.Count + 1} has no email";
                    return null;
                }

                contacts.Add(new BusinessContact { Name = name, Email = email });
            }

            return contacts.Count > 0 ? contacts : null;
        }
        catch (JsonException)
        {
            problem = $"{Shape} (it is not JSON)";
            return null;
        }
    }

    /// <summary>One object of string members as an NDJSON line: each name with its value, null where there is none; other scripts than Latin as they are.</summary>
    internal static string JsonLine(IReadOnlyList<string> names, IReadOnlyList<string?> values) => JsonObjectLine(writer =>
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == Contacts && values[i] is { } contacts)
            {
                writer.WritePropertyName(names[i]);
                writer.WriteRawValue(contacts); // an array, as the API has it
            }
            else
            {
                writer.WriteString(names[i], values[i]);
            }
        }
    });

    /// <summary>One JSON object on one line, its members written by <paramref name="members"/>; other scripts than Latin as they are.</summary>
    internal static string JsonObjectLine(Action<Utf8JsonWriter> members) => JsonText(writer =>
    {
        writer.WriteStartObject();
        members(writer);
        writer.WriteEndObject();
    });

    /// <summary>JSON text on one line, written by <paramref name="write"/>; other scripts than Latin as they are.</summary>
    private static string JsonText(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
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
                    case JsonValueKind.Array when name == RowFiles.Contacts:
                        if (!values.TryAdd(name, member.Value.GetRawText()))
                        {
                            return new BulkImportRow { LineNumber = number, Problem = $"names {name} twice", Source = line };
                        }

                        break;
                    case JsonValueKind.String:
                        if (!values.TryAdd(name, member.Value.GetString()!))
                        {
                            return new BulkImportRow { LineNumber = number, Problem = $"names {name} twice", Source = line };
                        }

                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        return new BulkImportRow { LineNumber = number, Problem = name == RowFiles.Contacts ? $"{name} must be an array, a string holding one, or null" : $"{name} must be a string or null", Source = line };
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
        IReadOnlyList<BusinessContact>? contacts = RowFiles.ParseContacts(Get(RowFiles.Contacts), out string? problem);
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
            BusinessName = Get("business_name"),
            CompanyNumber = Get("company_number"),
            TaxIdentifier = Get("tax_identifier"),
            BusinessContacts = contacts,
            Problem = problem,
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
