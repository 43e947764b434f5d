using System.CommandLine;
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
    internal static Command Create(ToolContext context, Connection connection)
    {
        var file = new Argument<string>("FILE") { Description = "UTF-8 CSV with a header row (columns in any order and case; separator , ; or tab, detected), or NDJSON (.ndjson, .jsonl)." };
        var journal = new Option<string?>("--journal") { Description = "The journal that makes a run resume and an edited file import what changed (default: FILE.journal).", HelpName = "PATH" };
        var rejects = new Option<string?>("--rejects") { Description = "Where rejected rows go, with line and reason columns (default: FILE's name with .rejects).", HelpName = "PATH" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and send nothing." };
        var concurrency = new Option<int>("--concurrency") { Description = "Rows worked on at once (1 to 64).", HelpName = "N", DefaultValueFactory = _ => 4 };
        concurrency.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 64) { r.AddError("--concurrency takes a whole number from 1 to 64"); } });
        var delimiter = new Option<string?>("--delimiter") { Description = "The CSV separator, when not the one detected.", HelpName = ",|;|tab" };
        var raw = new Option<bool>("--raw") { Description = "Read cells as they are: no leading ' removed (see export)." };
        var command = new Command("import", "Import customers with their addresses and businesses from a file: every good row onto the server once, resumable, rejects kept.")
        {
            file, journal, rejects, dryRun, concurrency, delimiter, raw,
        };
        command.SetAction((parse, ct) => RunAsync(context, connection, parse, new Values(
            parse.GetValue(file)!,
            parse.GetResult(journal) is not null ? parse.GetValue(journal) ?? string.Empty : null,
            parse.GetResult(rejects) is not null ? parse.GetValue(rejects) ?? string.Empty : null,
            parse.GetValue(dryRun),
            parse.GetValue(concurrency),
            parse.GetValue(delimiter),
            parse.GetValue(raw)), ct));
        return command;
    }

    private sealed record Values(string File, string? Journal, string? Rejects, bool DryRun, int Concurrency, string? Delimiter, bool Raw);

    private static async Task<int> RunAsync(ToolContext context, Connection connection, ParseResult parse, Values args, CancellationToken cancellationToken)
    {
        string file = args.File;
        if (Directory.Exists(file))
        {
            throw new UsageException($"{Echo.Quote(file, 260)} is a directory: name a file");
        }

        if (!File.Exists(file))
        {
            throw new UsageException($"no such file: {Echo.Quote(file, 260)}");
        }

        Verbosity verbosity = connection.VerbosityOf(parse);
        bool dryRun = args.DryRun;
        bool raw = args.Raw;
        string journal = FileSafety.Output(args.Journal ?? file + ".journal", "--journal");
        string rejects = FileSafety.Output(
            args.Rejects ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, Path.GetFileNameWithoutExtension(file) + ".rejects" + Path.GetExtension(file)),
            "--rejects");
        FileSafety.NotTheInput(file, journal, "--journal");
        FileSafety.NotTheInput(file, rejects, "--rejects");
        if (File.Exists(journal) && File.Exists(rejects) && FileSafety.SameFile(journal, rejects))
        {
            throw new UsageException("--journal and --rejects name the same file");
        }

        Action<string> warn = verbosity == Verbosity.Quiet ? static _ => { } : warning => context.Error.WriteLine($"customeraddresses: warning: {warning}");
        InputFile input = InputFile.Open(file, RowFiles.Delimiter(args.Delimiter), raw, warn);
        using CustomerAddressesClient client = connection.Create(parse, context, ClientUse.Bulk, needsKey: !dryRun);
        var bulk = new BulkClient(client);
        long total = input.Count;
        await using var rejectsFile = new RejectsFile(input, rejects, raw);
        var options = new BulkImportOptions
        {
            JournalPath = dryRun ? null : journal,
            Source = Path.GetFullPath(file),
            DryRun = dryRun,
            MaxConcurrency = args.Concurrency,
            OnRejected = async (rejected, ct) =>
            {
                await rejectsFile.WriteAsync(rejected, ct);
                if (verbosity != Verbosity.Quiet)
                {
                    context.Error.WriteLine($"line {rejected.Row.LineNumber}: {Echo.Escape(rejected.Reason)}");
                }
            },
        };

        var sink = new ProgressSink();
        var clock = Stopwatch.StartNew();
        BulkProgress result;
        try
        {
            Task<BulkProgress> import = bulk.ImportAsync(input.Rows().ToAsyncEnumerable(), options, sink, cancellationToken);
            result = await ProgressView.ShowAsync(context, verbosity, import, sink, total, clock, client.Statistics, cancellationToken);
        }
        finally
        {
            await rejectsFile.CommitAsync(); // the rows rejected so far, in order: a stopped run's are complete up to where it stopped
        }

        context.Out.WriteLine(Summary(result, total, clock.Elapsed, dryRun, rejects, client.Statistics.Retries));
        return result.Rejected > 0 ? ExitCodes.Failed : ExitCodes.Done;
    }

    private static string Summary(BulkProgress p, long total, TimeSpan elapsed, bool dryRun, string rejects, long retries) =>
        (dryRun ? $"Checked {total} rows, sent nothing: {total - p.Rejected} would be imported, {p.Rejected} rejected" : $"Imported {p.RowsDone - p.Rejected} of {total} rows in {elapsed:hh\\:mm\\:ss}")
        + (dryRun ? string.Empty : $"\n  customers: {p.CustomersCreated} created, {p.CustomersFound} found\n  addresses: {p.AddressesCreated} created, {p.AddressesFound} found"
            + (p.BusinessesCreated + p.BusinessesFound > 0 ? $"\n  businesses: {p.BusinessesCreated} created, {p.BusinessesFound} found" : string.Empty))
        + (p.RowsDoneBefore + p.RowsChanged + p.RowsRemoved > 0 && !dryRun
            ? string.Create(CultureInfo.InvariantCulture, $"\n  since the last run: {p.RowsDoneBefore} rows done before, {p.RowsChanged} new, edited or not reached (imported now), {p.RowsRemoved} removed or edited (not undone on the server)")
            : string.Empty)
        + $"\n  rejected: {p.Rejected}{(p.Rejected > 0 ? $" (in {Echo.Escape(rejects)})" : string.Empty)}"
        + (dryRun ? string.Empty : $"\n  requests: {p.Requests} this run ({retries} retries), 429s received: {p.RateLimited}");
}
