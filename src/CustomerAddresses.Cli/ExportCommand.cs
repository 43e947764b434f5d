using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CustomerAddresses.Client;
using CustomerAddresses.Client.Bulk;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Cli;

/// <summary>
/// <c>customeraddresses export</c>: every customer with its addresses and businesses (and, when asked, its saved payment
/// methods), streamed to standard output or to a file, one record per address, business or payment method, in the
/// columns an import reads plus <c>customer_id</c>, <c>address_id</c>, <c>business_id</c>, <c>status</c> (and the
/// payment method's columns). A
/// file is written beside its target and renamed into place only when the export succeeded, readable by its owner only.
/// CSV cells a spreadsheet would run are neutralized (<see cref="SpreadsheetCells"/>) unless <c>--raw</c>. Progress
/// and the summary go to standard error.
/// </summary>
internal static class ExportCommand
{
    internal static Command Create(ToolContext context, Connection connection)
    {
        var output = new Option<string?>("--out") { Description = "The file to write (default: standard output); written beside it first and renamed into place when done.", HelpName = "FILE" };
        var format = new Option<string?>("--format") { Description = "ndjson or csv (default: csv for a .csv --out, else ndjson).", HelpName = "ndjson|csv" };
        format.AcceptOnlyFromAmong("ndjson", "csv");
        var delimiter = new Option<string?>("--delimiter") { Description = "The CSV separator (default: ,).", HelpName = ",|;|tab" };
        var raw = new Option<bool>("--raw") { Description = "Write cells as they are: no leading ' before = + - @ (a spreadsheet would run them)." };
        var archived = new Option<bool>("--include-archived") { Description = "Export archived customers, addresses and businesses too." };
        var paymentMethods = new Option<bool>("--include-payment-methods") { Description = "Export saved payment methods too, a record each (Paddle): kind, card scheme, last four digits, expiry; never the cardholder's name or the PayPal account. An import does not create them." };
        var command = new Command("export", "Export every customer with its addresses and businesses, one record per address or business, in the columns an import reads.")
        {
            output, format, delimiter, raw, archived, paymentMethods,
        };
        command.SetAction((parse, ct) => RunAsync(
            context,
            connection,
            parse,
            parse.GetResult(output) is not null ? FileSafety.Output(parse.GetValue(output), "--out") : null,
            parse.GetValue(format),
            RowFiles.Delimiter(parse.GetValue(delimiter)) ?? ',',
            parse.GetValue(raw),
            new BulkExportOptions { IncludeArchived = parse.GetValue(archived), IncludePaymentMethods = parse.GetValue(paymentMethods) },
            ct));
        return command;
    }

    private static async Task<int> RunAsync(ToolContext context, Connection connection, ParseResult parse, string? path, string? format, char delimiter, bool raw, BulkExportOptions options, CancellationToken cancellationToken)
    {
        format ??= path is not null && !RowFiles.IsNdjson(path) && path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "ndjson";
        Verbosity verbosity = connection.VerbosityOf(parse);
        using CustomerAddressesClient client = connection.Create(parse, context, ClientUse.Bulk);
        if (options.IncludePaymentMethods && !client.Dialect.HasPaymentMethods)
        {
            throw new UsageException($"--include-payment-methods: {client.Dialect.Name} has no saved payment methods (Paddle Billing has)");
        }

        string[] columns = RowFiles.Exported(client.Dialect.HasBusinesses, options.IncludePaymentMethods);
        await using AtomicFile? file = path is null ? null : new AtomicFile(path);
        TextWriter output = file?.Writer ?? context.Out;
        if (format == "csv")
        {
            await output.WriteLineAsync(RowFiles.CsvLine(columns, delimiter));
        }

        var clock = Stopwatch.StartNew();
        long records = 0;
        async Task CopyAsync()
        {
            await foreach (BulkExportRecord record in new BulkClient(client).ExportAsync(options, cancellationToken))
            {
                string?[] values = RowFiles.Values(record, columns);
                await output.WriteLineAsync(format == "csv" ? RowFiles.CsvLine(raw ? values : values.Select(SpreadsheetCells.Neutralize), delimiter) : RowFiles.JsonLine(columns, values));
                Interlocked.Increment(ref records);
            }
        }

        Task copy = CopyAsync();
        if (verbosity != Verbosity.Quiet)
        {
            await ProgressView.PlainAsync(copy, context.Error, clock, client.Statistics, () => Line(Interlocked.Read(ref records), clock.Elapsed, client.Statistics), cancellationToken);
        }

        await copy;

        if (file is not null)
        {
            await file.CommitAsync();
        }
        else
        {
            await output.FlushAsync(cancellationToken);
        }

        context.Error.WriteLine($"Exported {records} records{(path is not null ? $" to {Echo.Escape(path)}" : string.Empty)} in {clock.Elapsed:hh\\:mm\\:ss}\n  requests: {client.Statistics.Requests} ({client.Statistics.Retries} retries), 429s received: {client.Statistics.RateLimited}");
        return ExitCodes.Done;
    }

    private static string Line(long records, TimeSpan elapsed, CustomerAddressesClientStatistics statistics) =>
        string.Create(CultureInfo.InvariantCulture, $"{records} records, {(elapsed.TotalSeconds > 0 ? records / elapsed.TotalSeconds : 0):0.0} records/s, {statistics.Requests} requests ({statistics.Retries} retries), {statistics.RateLimited} 429s");
}
