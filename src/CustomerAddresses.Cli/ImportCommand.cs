using System.Diagnostics;
using CustomerAddresses.Client;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Cli;

/// <summary>
/// <c>customeraddresses import FILE</c>: every row onto the server once, through the client's bulk import, with a
/// journal beside the file (so a killed run resumes where it stopped), the rejected rows in a file of the input's format,
/// progress the whole way and a summary at the end.
/// </summary>
internal static class ImportCommand
{
    internal static readonly string[] Options = [.. Connection.Options, "--journal", "--rejects", "--concurrency"];
    internal static readonly string[] Flags = ["--dry-run"];

    internal static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        if (args.Words is not [_, string file])
        {
            throw new UsageException("import takes one FILE (.csv, .ndjson or .jsonl)");
        }

        if (!File.Exists(file))
        {
            throw new UsageException($"no such file: {Echo.Quote(file, 260)}");
        }

        bool dryRun = args.Flag("--dry-run");
        string journal = args["--journal"] ?? file + ".journal";
        string rejects = args["--rejects"] ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, Path.GetFileNameWithoutExtension(file) + ".rejects" + Path.GetExtension(file));
        int concurrency = args.Int("--concurrency", 1, 64) ?? 4;
        using CustomerAddressesClient client = Connection.Create(args, paddleRateOnPaddle: true);

        string? header = null;
        long total = RowFiles.Rows(file, h => header = h).LongCount();
        await using var rejectsFile = new StreamWriter(rejects, append: false, new System.Text.UTF8Encoding(false));
        if (header is not null)
        {
            await rejectsFile.WriteLineAsync(header);
        }

        var options = new BulkImportOptions
        {
            JournalPath = dryRun ? null : journal,
            DryRun = dryRun,
            MaxConcurrency = concurrency,
            OnRejected = async (rejected, ct) =>
            {
                await rejectsFile.WriteLineAsync(rejected.Row.Source.AsMemory(), ct);
                await rejectsFile.FlushAsync(ct);
                Console.Error.WriteLine($"line {rejected.Row.LineNumber}: {Echo.Escape(rejected.Reason)}");
            },
        };

        var sink = new ProgressSink();
        var clock = Stopwatch.StartNew();
        BulkProgress result;
        try
        {
            Task<BulkProgress> import = client.Bulk.ImportAsync(RowFiles.Rows(file, _ => { }).ToAsyncEnumerable(), options, sink, cancellationToken);
            result = await ProgressView.ShowAsync(import, sink, total, clock, cancellationToken);
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("The journal", StringComparison.Ordinal))
        {
            throw new UsageException(e.Message);
        }

        Console.WriteLine(Summary(result, total, clock.Elapsed, dryRun, rejects));
        return result.Rejected > 0 ? 1 : 0;
    }

    private static string Summary(BulkProgress p, long total, TimeSpan elapsed, bool dryRun, string rejects) =>
        (dryRun ? $"Checked {total} rows, sent nothing: {total - p.Rejected} would be imported, {p.Rejected} rejected" : $"Imported {p.RowsDone - p.Rejected} of {total} rows in {elapsed:hh\\:mm\\:ss}")
        + (dryRun ? string.Empty : $"\n  customers: {p.CustomersCreated} created, {p.CustomersFound} found\n  addresses: {p.AddressesCreated} created, {p.AddressesFound} found")
        + $"\n  rejected: {p.Rejected}{(p.Rejected > 0 ? $" (in {rejects})" : string.Empty)}"
        + (dryRun ? string.Empty : $"\n  requests: {p.Requests} this run, 429s received: {p.RateLimited}");
}
