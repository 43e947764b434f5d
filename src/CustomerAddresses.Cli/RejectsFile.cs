using System.Text.Json.Nodes;
using CustomerAddresses.Client.Bulk;

namespace CustomerAddresses.Cli;

/// <summary>
/// The rows an import rejected, in the input's format and in its order: CSV with the input's columns (and its
/// separator) plus <c>line</c> and <c>reason</c>, or NDJSON with those two members added. Fixed, it imports as it is:
/// an import leaves those two columns out. Written beside its target and renamed into place at the end of the run, only
/// when a row was rejected.
/// </summary>
internal sealed class RejectsFile(InputFile input, string path, bool raw) : IAsyncDisposable
{
    private AtomicFile? _file;
    private int[] _kept = [];

    internal long Count { get; private set; }

    internal async Task WriteAsync(BulkRejectedRow rejected, CancellationToken cancellationToken)
    {
        if (_file is null)
        {
            _file = new AtomicFile(path);
            if (!input.IsNdjson)
            {
                _kept = [.. Enumerable.Range(0, input.Header.Length).Where(i => Array.IndexOf(RowFiles.RejectsOnly, input.Header[i].Trim().ToLowerInvariant()) < 0)];
                await _file.Writer.WriteLineAsync(RowFiles.CsvLine([.. _kept.Select(i => input.Header[i]), .. RowFiles.RejectsOnly], input.Delimiter).AsMemory(), cancellationToken);
            }
        }

        string line = rejected.Row.LineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string text = rejected.Row.Source switch
        {
            string[] fields when fields.Length == input.Header.Length => RowFiles.CsvLine([.. _kept.Select(i => fields[i]), line, Cell(rejected.Reason)], input.Delimiter),
            string[] fields => RowFiles.CsvLine([.. fields, line, Cell(rejected.Reason)], input.Delimiter),
            string json => Json(json, line, rejected.Reason),
            _ => RowFiles.CsvLine([line, Cell(rejected.Reason)], input.Delimiter),
        };
        await _file.Writer.WriteLineAsync(text.AsMemory(), cancellationToken);
        Count++;
    }

    private string? Cell(string value) => raw ? value : SpreadsheetCells.Neutralize(value);

    private static string Json(string source, string line, string reason)
    {
        JsonObject row;
        try
        {
            row = JsonNode.Parse(source) as JsonObject ?? new JsonObject { ["source"] = source };
        }
        catch (System.Text.Json.JsonException)
        {
            row = new JsonObject { ["source"] = source };
        }

        row["line"] = long.Parse(line, System.Globalization.CultureInfo.InvariantCulture);
        row["reason"] = reason;
        return row.ToJsonString(RowFiles.JsonOptions);
    }

    /// <summary>Puts the file in place, if any row was rejected.</summary>
    internal Task CommitAsync() => _file?.CommitAsync() ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _file?.DisposeAsync() ?? ValueTask.CompletedTask;
}
