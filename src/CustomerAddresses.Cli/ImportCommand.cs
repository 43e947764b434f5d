using System.Diagnostics;
using System.Globalization;
using CustomerAddresses.Client;
using CustomerAddresses.Client.Bulk;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Cli;

/// <summary>
/// <c>customeraddresses import FILE</c>: every row onto the server once, through the bulk client, with a journal beside
/// the file (so a killed run resumes where it stopped, and an edited file imports what changed), the rejected rows in a
/// file of the input's format and order, progress the whole way and a summary at the end. No output may be the input.
/// </summary>
internal static class ImportCommand
{
    internal static readonly string[] Options = [.. Connection.Options, "--journal", "--rejects", "--concurrency", "--delimiter"];
    internal static readonly string[] Flags = ["--dry-run", "--raw"];

    internal static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        if (args.Words is not [_, string file])
        {
            throw new UsageException("import takes one FILE (.csv, .ndjson or .jsonl)");
        }

        if (Directory.Exists(file))
        {
            throw new UsageException($"{Echo.Quote(file, 260)} is a directory: name a file");
        }

        if (!File.Exists(file))
        {
            throw new UsageException($"no such file: {Echo.Quote(file, 260)}");
        }

        bool dryRun = args.Flag("--dry-run");
        bool raw = args.Flag("--raw");
        string journal = FileSafety.Output(args.Has("--journal") ? args["--journal"] : file + ".journal", "--journal");
        string rejects = FileSafety.Output(
            args.Has("--rejects") ? args["--rejects"] : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, Path.GetFileNameWithoutExtension(file) + ".rejects" + Path.GetExtension(file)),
            "--rejects");
        FileSafety.NotTheInput(file, journal, "--journal");
        FileSafety.NotTheInput(file, rejects, "--rejects");
        if (File.Exists(journal) && File.Exists(rejects) && FileSafety.SameFile(journal, rejects))
        {
            throw new UsageException("--journal and --rejects name the same file");
        }

        int concurrency = args.Int("--concurrency", 1, 64) ?? 4;
        InputFile input = InputFile.Open(file, RowFiles.Delimiter(args["--delimiter"]), raw, warning => Console.Error.WriteLine($"customeraddresses: warning: {warning}"));
        using CustomerAddressesClient client = Connection.Create(args, paddleRateOnPaddle: true);
        var bulk = new BulkClient(client);
        long total = input.Count;
        await using var rejectsFile = new RejectsFile(input, rejects, raw);
        var options = new BulkImportOptions
        {
            JournalPath = dryRun ? null : journal,
            Source = Path.GetFullPath(file),
            DryRun = dryRun,
            MaxConcurrency = concurrency,
            OnRejected = async (rejected, ct) =>
            {
                await rejectsFile.WriteAsync(rejected, ct);
                Console.Error.WriteLine($"line {rejected.Row.LineNumber}: {Echo.Escape(rejected.Reason)}");
            },
        };

        var sink = new ProgressSink();
        var clock = Stopwatch.StartNew();
        BulkProgress result;
        try
        {
            Task<BulkProgress> import = bulk.ImportAsync(input.Rows().ToAsyncEnumerable(), options, sink, cancellationToken);
            result = await ProgressView.ShowAsync(import, sink, total, clock, client.Statistics, cancellationToken);
        }
        catch (BulkJournalException e)
        {
            throw new UsageException(e.Message);
        }
        finally
        {
            await rejectsFile.CommitAsync(); // the rows rejected so far, in order: a stopped run's are complete up to where it stopped
        }

        Console.WriteLine(Summary(result, total, clock.Elapsed, dryRun, rejects));
        return result.Rejected > 0 ? 1 : 0;
    }

    private static string Summary(BulkProgress p, long total, TimeSpan elapsed, bool dryRun, string rejects) =>
        (dryRun ? $"Checked {total} rows, sent nothing: {total - p.Rejected} would be imported, {p.Rejected} rejected" : $"Imported {p.RowsDone - p.Rejected} of {total} rows in {elapsed:hh\\:mm\\:ss}")
        + (dryRun ? string.Empty : $"\n  customers: {p.CustomersCreated} created, {p.CustomersFound} found\n  addresses: {p.AddressesCreated} created, {p.AddressesFound} found")
        + (p.RowsDoneBefore + p.RowsChanged + p.RowsRemoved > 0 && !dryRun
            ? string.Create(CultureInfo.InvariantCulture, $"\n  since the last run: {p.RowsDoneBefore} rows done before, {p.RowsChanged} new, edited or not reached (imported now), {p.RowsRemoved} removed or edited (not undone on the server)")
            : string.Empty)
        + $"\n  rejected: {p.Rejected}{(p.Rejected > 0 ? $" (in {Echo.Escape(rejects)})" : string.Empty)}"
        + (dryRun ? string.Empty : $"\n  requests: {p.Requests} this run, 429s received: {p.RateLimited}");
}
