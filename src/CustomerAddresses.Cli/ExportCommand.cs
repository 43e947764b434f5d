using System.Diagnostics;
using System.Globalization;
using CustomerAddresses.Client;
using CustomerAddresses.Client.Bulk;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Cli;

/// <summary>
/// <c>customeraddresses export</c>: every customer with its addresses, streamed to standard output or to a file, one
/// record per address, in the columns an import reads plus <c>customer_id</c>, <c>address_id</c> and <c>status</c>. A
/// file is written beside its target and renamed into place only when the export succeeded, readable by its owner only.
/// CSV cells a spreadsheet would run are neutralized (<see cref="SpreadsheetCells"/>) unless <c>--raw</c>. Progress
/// and the summary go to standard error.
/// </summary>
internal static class ExportCommand
{
    internal static readonly string[] Options = [.. Connection.Options, "--out", "--format", "--delimiter"];
    internal static readonly string[] Flags = ["--include-archived", "--raw"];
    private static readonly TimeSpan s_every = TimeSpan.FromSeconds(5);

    internal static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        if (args.Words.Count != 1)
        {
            throw new UsageException("export takes no FILE: use --out FILE");
        }

        string? path = args.Has("--out") ? FileSafety.Output(args["--out"], "--out") : null;
        string format = args.OneOf("--format", "ndjson", "csv") ?? (path is not null && !RowFiles.IsNdjson(path) && path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "ndjson");
        char delimiter = RowFiles.Delimiter(args["--delimiter"]) ?? ',';
        bool raw = args.Flag("--raw");
        using CustomerAddressesClient client = Connection.Create(args, paddleRateOnPaddle: true);
        await using AtomicFile? file = path is null ? null : new AtomicFile(path);
        TextWriter output = file?.Writer ?? Console.Out;
        if (format == "csv")
        {
            await output.WriteLineAsync(RowFiles.CsvLine(RowFiles.Exported, delimiter));
        }

        var clock = Stopwatch.StartNew();
        TimeSpan next = s_every;
        long records = 0;
        await foreach (BulkExportRecord record in new BulkClient(client).ExportAsync(new BulkExportOptions { IncludeArchived = args.Flag("--include-archived") }, cancellationToken))
        {
            string?[] values = RowFiles.Values(record);
            await output.WriteLineAsync(format == "csv" ? RowFiles.CsvLine(raw ? values : values.Select(SpreadsheetCells.Neutralize), delimiter) : RowFiles.JsonLine(RowFiles.Exported, values));
            records++;
            if (clock.Elapsed >= next)
            {
                next = clock.Elapsed + s_every;
                Console.Error.WriteLine(Line(records, clock.Elapsed, client.Statistics) + ProgressView.Stalled(client.Statistics));
            }
        }

        if (file is not null)
        {
            await file.CommitAsync();
        }
        else
        {
            await output.FlushAsync(cancellationToken);
        }

        Console.Error.WriteLine($"Exported {records} records{(path is not null ? $" to {Echo.Escape(path)}" : string.Empty)} in {clock.Elapsed:hh\\:mm\\:ss}\n  requests: {client.Statistics.Requests}, 429s received: {client.Statistics.RateLimited}");
        return 0;
    }

    private static string Line(long records, TimeSpan elapsed, CustomerAddressesClientStatistics statistics) =>
        string.Create(CultureInfo.InvariantCulture, $"{records} records, {(elapsed.TotalSeconds > 0 ? records / elapsed.TotalSeconds : 0):0.0} records/s, {statistics.Requests} requests, {statistics.RateLimited} 429s");
}
