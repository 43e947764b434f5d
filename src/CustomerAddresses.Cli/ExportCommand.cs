using CustomerAddresses.Client;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Cli;

/// <summary>
/// <c>customeraddresses export</c>: every customer with its addresses, streamed to a file or standard output, one record
/// per address, in the columns an import reads plus <c>customer_id</c>, <c>address_id</c> and <c>status</c>.
/// </summary>
internal static class ExportCommand
{
    internal static readonly string[] Options = [.. Connection.Options, "--out", "--format"];
    internal static readonly string[] Flags = ["--include-archived"];

    internal static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        if (args.Words.Count != 1)
        {
            throw new UsageException("export takes no FILE: use --out FILE");
        }

        string? path = args["--out"];
        string format = args.OneOf("--format", "ndjson", "csv") ?? (path is not null && !RowFiles.IsNdjson(path) && path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "ndjson");
        using CustomerAddressesClient client = Connection.Create(args);
        await using TextWriter output = path is null ? Console.Out : new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        if (format == "csv")
        {
            await output.WriteLineAsync(Csv.Line(RowFiles.Exported));
        }

        long records = 0;
        await foreach (BulkExportRecord record in client.Bulk.ExportAsync(new BulkExportOptions { IncludeArchived = args.Flag("--include-archived") }, cancellationToken))
        {
            string?[] values = RowFiles.Values(record);
            await output.WriteLineAsync(format == "csv" ? Csv.Line(values) : RowFiles.JsonLine(RowFiles.Exported, values));
            records++;
        }

        if (path is not null)
        {
            Console.WriteLine($"Exported {records} records to {Echo.Escape(path)}");
        }

        return 0;
    }
}
