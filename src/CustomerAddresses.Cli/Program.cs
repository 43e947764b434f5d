using CustomerAddresses.Client;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Cli;

/// <summary>
/// <c>customeraddresses</c>: bulk import and export, and a look at customers and addresses. Exit codes: 0 done (every row
/// on the server), 1 some rows rejected, 2 bad usage, 3 the server or the network stopped the run (run it again to resume).
/// </summary>
internal static class Program
{
    private const string Usage = """
        customeraddresses: bulk import and export of customers and addresses.

        Usage:
          customeraddresses import FILE [--journal PATH] [--rejects PATH] [--dry-run] [--concurrency N] [--delimiter ,|;|tab] [--raw]
          customeraddresses export [--out FILE] [--format ndjson|csv] [--delimiter ,|;|tab] [--raw] [--include-archived]
          customeraddresses customers list [--include-archived] [--output table|json]
          customeraddresses customers get CUSTOMER_ID [--output table|json]
          customeraddresses addresses list CUSTOMER_ID [--include-archived] [--output table|json]
          customeraddresses addresses get CUSTOMER_ID ADDRESS_ID [--output table|json]

        Every command: --base-url URL and --api-key KEY (or CUSTOMERADDRESSES_BASE_URL and CUSTOMERADDRESSES_API_KEY),
        --dialect paddle|apiv1 (by default, Paddle's hosts speak Paddle and any other the /api/v1 API),
        --requests-per-minute N (Paddle's 240 by default on Paddle's hosts; elsewhere the pace is learned from the
        server's first 429),
        --rate-limit-redis HOST:PORT (or CUSTOMERADDRESSES_RATE_LIMIT_REDIS) to share that limit with every run naming the
        same Redis, host and --rate-limit-name NAME (default: default); --rate-limit-instances N of them pace themselves
        at 1/N of it while Redis cannot be reached.

        FILE is UTF-8 CSV with a header row (columns in any order and case; separator , ; or tab, detected), or NDJSON
        (.ndjson, .jsonl): email (required), name, locale, and for an address country_code (required), description,
        first_line, second_line, city, postal_code, region. Other columns are named once and left out. An export writes
        the same, plus customer_id, address_id and status, which an import reads and does not send. CSV cells beginning
        with = + - @ are written with a leading ' (spreadsheets do not run them) and read back without it; --raw for
        neither. Rejected rows go to FILE's .rejects file with line and reason columns; fixed, it imports as it is.
        The journal (FILE.journal), the rejects file and exports are readable by their owner only.

        Exit codes: 0 every row is on the server, 1 some rows were rejected, 2 bad usage (a file problem, a journal in
        use or of another server), 3 the run stopped (run it again).
        """;

    private static async Task<int> Main(string[] args)
    {
        if (args is [] or ["--help"] or ["-h"] or ["-?"])
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        try
        {
            return args[0] switch
            {
                "import" => await ImportCommand.RunAsync(Arguments.Parse(args, ImportCommand.Options, ImportCommand.Flags), stop.Token),
                "export" => await ExportCommand.RunAsync(Arguments.Parse(args, ExportCommand.Options, ExportCommand.Flags), stop.Token),
                "customers" or "addresses" => await ShowCommands.RunAsync(Arguments.Parse(args, ShowCommands.Options, ShowCommands.Flags), stop.Token),
                _ => throw new UsageException($"unknown command {Echo.Quote(args[0])}"),
            };
        }
        catch (Exception e) when (e is UsageException or CustomerAddresses.Client.Bulk.BulkJournalException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"customeraddresses: {Echo.Escape(e.Message)} (--help for usage)");
            return 2;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine("customeraddresses: stopped; an import resumes from its journal when run again");
            return 3;
        }
        catch (Exception e) when (e is CustomerAddressesApiException or HttpRequestException or TimeoutException or InvalidOperationException or IOException)
        {
            Console.Error.WriteLine($"customeraddresses: {Echo.Escape(e.Message)}");
            return 3;
        }
    }
}
