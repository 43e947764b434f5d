using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CustomerAddresses.Client;
using Spectre.Console;

namespace CustomerAddresses.Cli;

/// <summary>How a command prints what it read: <c>--output table|json|csv</c>, and <c>--limit N</c> on a listing.</summary>
internal sealed class Listing
{
    internal Option<string> Output { get; } = new Option<string>("--output", "-o")
    {
        Description = "table (on a terminal; plain tab-separated lines when piped), json (one object a line, every member the server returned) or csv.",
        HelpName = "table|json|csv",
        DefaultValueFactory = _ => "table",
    }.AcceptOnlyFromAmong("table", "json", "csv");

    internal Option<int?> Limit { get; } = MakeLimit();

    private static Option<int?> MakeLimit()
    {
        var limit = new Option<int?>("--limit", "-L") { Description = "Stop after N items (all by default).", HelpName = "N" };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--limit takes a whole number from 1 up");
            }
        });
        return limit;
    }

    /// <summary>Prints <paramref name="items"/> as the command line asks: streamed as JSON, CSV or plain lines, or gathered into a table.</summary>
    internal async Task WriteAsync<T>(ParseResult parse, ToolContext context, Shape<T> shape, IAsyncEnumerable<T> items, CancellationToken cancellationToken)
    {
        string format = parse.GetValue(Output) ?? "table";
        int? limit = parse.GetValue(Limit);
        bool table = format == "table" && context.OutIsTerminal;
        var rows = new List<string?[]>();
        if (format == "csv")
        {
            await context.Out.WriteLineAsync(RowFiles.CsvLine(shape.Columns, ','));
        }

        int count = 0;
        await foreach (T item in items.WithCancellation(cancellationToken))
        {
            if (count++ == limit)
            {
                break;
            }

            switch (format)
            {
                case "json":
                    await context.Out.WriteLineAsync(Json(shape, item));
                    break;
                case "csv":
                    await context.Out.WriteLineAsync(RowFiles.CsvLine(shape.Values(item).Select(SpreadsheetCells.Neutralize), ','));
                    break;
                default:
                    if (table)
                    {
                        rows.Add(shape.Values(item));
                    }
                    else
                    {
                        // Piped: one item a line, tab-separated, no header and no box drawing (as gh does); a value's own tabs and line breaks escaped.
                        await context.Out.WriteLineAsync(string.Join('\t', shape.Values(item).Select(v => v is null ? string.Empty : Plain(v))));
                    }

                    break;
            }
        }

        if (table)
        {
            WriteTable(context, shape, rows);
        }

        await context.Out.FlushAsync(cancellationToken);
    }

    private static string Plain(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    private static int Width(string? value) => value is null ? 0 : new StringInfo(value).LengthInTextElements;

    private static readonly string[] s_wrapping = ["name", "first_line", "city"];

    /// <summary>
    /// A table as wide as the terminal: an id, an email, a status and a time are shown whole (an id is copied into the
    /// next command), names and lines wrap. Columns are taken in order of importance, each if it still fits; the rest are in the
    /// plain, JSON and CSV outputs.
    /// </summary>
    private static void WriteTable<T>(ToolContext context, Shape<T> shape, List<string?[]> rows)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Out) });
        int room = console.Profile.Width - 1; // the table's left border; each column adds its padding and right border
        var shown = new List<(string Name, int Index, int Width)>();
        foreach (string column in shape.TableColumns)
        {
            int index = Array.IndexOf(shape.Columns, column);
            int natural = rows.Select(r => Width(r[index])).Append(Width(column)).Max();
            int needs = (Array.IndexOf(s_wrapping, column) >= 0 ? Math.Min(natural, 12) : natural) + 3;
            if (needs > room && shown.Count > 0)
            {
                continue;
            }

            room -= needs;
            shown.Add((column, index, natural));
        }

        var table = new Table().Border(TableBorder.Rounded);
        foreach ((string name, _, int width) in shown)
        {
            table.AddColumn(Array.IndexOf(s_wrapping, name) >= 0 ? new TableColumn(name) : new TableColumn(name) { NoWrap = true, Width = width });
        }

        foreach (string?[] row in rows)
        {
            table.AddRow([.. shown.Select(c => Markup.Escape(row[c.Index] ?? string.Empty))]);
        }

        console.Write(table);
    }

    /// <summary>One item as a JSON object: every member the server returned, under its API name.</summary>
    private static string Json<T>(Shape<T> shape, T item) => RowFiles.JsonObjectLine(writer => shape.WriteJson(writer, item));
}

/// <summary>How a resource prints: its columns (CSV's and plain lines'), the few a table shows, and all its members (JSON's).</summary>
internal sealed record Shape<T>(string[] Columns, string[] TableColumns, Func<T, string?[]> Values, Action<Utf8JsonWriter, T> WriteJson);

/// <summary>The shapes of customers and addresses.</summary>
internal static class Shapes
{
    internal static readonly Shape<Customer> Customer = new(
        ["id", "email", "name", "locale", "status", "created_at"],
        ["id", "email", "name", "status", "created_at"],
        c => [c.Id.Value, c.Email, c.Name, c.Locale, c.Status?.Value, Time(c.CreatedAt)],
        static (w, c) =>
        {
            w.WriteString("id", c.Id.Value);
            Write(w, "name", c.Name);
            Write(w, "email", c.Email);
            Write(w, "phone", c.Phone);
            if (c.Address is { } address)
            {
                w.WriteStartObject("address");
                Write(w, "city", address.City);
                Write(w, "country", address.Country?.Value);
                w.WriteEndObject();
            }

            Write(w, "payment_method", c.PaymentMethod);
            Write(w, "status", c.Status?.Value);
            Write(w, "locale", c.Locale);
            if (c.MarketingConsent is { } consent)
            {
                w.WriteBoolean("marketing_consent", consent);
            }

            Common(w, c.CustomData, c.ImportMeta, c.CreatedAt, c.UpdatedAt);
        });

    internal static readonly Shape<Address> Address = new(
        ["id", "country_code", "description", "first_line", "second_line", "city", "postal_code", "region", "status"],
        ["id", "country_code", "postal_code", "city", "status", "first_line"],
        a => [a.Id.Value, a.Country?.Value, a.Description, a.FirstLine, a.SecondLine, a.City, a.PostalCode, a.Region, a.Status?.Value],
        static (w, a) =>
        {
            w.WriteString("id", a.Id.Value);
            Write(w, "customer_id", a.CustomerId.Value);
            Write(w, "status", a.Status?.Value);
            Write(w, "description", a.Description);
            Write(w, "first_line", a.FirstLine);
            Write(w, "second_line", a.SecondLine);
            Write(w, "city", a.City);
            Write(w, "postal_code", a.PostalCode);
            Write(w, "region", a.Region);
            Write(w, "country_code", a.Country?.Value);
            Common(w, a.CustomData, a.ImportMeta, a.CreatedAt, a.UpdatedAt);
        });

    private static void Common(Utf8JsonWriter w, System.Text.Json.Nodes.JsonObject? customData, ImportMeta? importMeta, DateTimeOffset? createdAt, DateTimeOffset? updatedAt)
    {
        if (customData is not null)
        {
            w.WritePropertyName("custom_data");
            customData.WriteTo(w);
        }

        if (importMeta is not null)
        {
            w.WriteStartObject("import_meta");
            Write(w, "external_id", importMeta.ExternalId);
            Write(w, "imported_from", importMeta.ImportedFrom);
            w.WriteEndObject();
        }

        Write(w, "created_at", Time(createdAt));
        Write(w, "updated_at", Time(updatedAt));
    }

    private static void Write(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>A time as RFC 3339 in UTC, as the API writes it.</summary>
    private static string? Time(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
