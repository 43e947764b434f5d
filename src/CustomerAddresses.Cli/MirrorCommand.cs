using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CustomerAddresses.Client;
using CustomerAddresses.Client.Mirror;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Cli;

/// <summary>
/// <c>customeraddresses mirror</c>: Paddle's customers, addresses, businesses and saved payment methods in a SQLite file
/// or a PostgreSQL database (<see cref="CustomerMirror"/>), for teams without a public webhook URL: a backfill the first
/// time, then catch-up from the events list, then it exits; <c>--follow</c> keeps polling until stopped. Killed at any
/// point, it continues where it stopped when run again. The PostgreSQL connection string is never printed.
/// </summary>
internal static class MirrorCommand
{
    internal const string PostgresVariable = "CUSTOMERADDRESSES_MIRROR_POSTGRES";

    internal static Command Create(ToolContext context, Connection connection)
    {
        var sqlite = new Option<string?>("--sqlite") { Description = "The SQLite file to keep the tables in (created when missing, readable by its owner only).", HelpName = "PATH" };
        var postgres = new Option<string?>("--postgres") { Description = $"The PostgreSQL connection string, for many instances (never printed; or {PostgresVariable}, which keeps the password off the command line).", HelpName = "CONNECTION_STRING" };
        var follow = new Option<bool>("--follow") { Description = "Keep polling the events list until stopped (Ctrl+C)." };
        var pollInterval = new Option<double>("--poll-interval") { Description = "Seconds between polls with --follow.", HelpName = "SECONDS", DefaultValueFactory = _ => 5 };
        var command = new Command("mirror", "Keep Paddle's customers, addresses, businesses and saved payment methods in your own SQLite or PostgreSQL database: a backfill, then every change from the events list; run it again after any stop and it continues.")
        {
            sqlite, postgres, follow, pollInterval,
        };
        command.SetAction((parse, ct) =>
        {
            string? path = parse.GetValue(sqlite);
            string? connectionString = parse.GetValue(postgres) ?? context.Environment(PostgresVariable);
            if (string.IsNullOrWhiteSpace(path) == string.IsNullOrWhiteSpace(connectionString))
            {
                throw new UsageException($"name one database: --sqlite PATH or --postgres CONNECTION_STRING (or {PostgresVariable})");
            }

            double seconds = parse.GetValue(pollInterval);
            if (!(seconds is > 0 and <= 86_400))
            {
                throw new UsageException("--poll-interval takes seconds, more than 0 and at most 86400");
            }

            var options = new CustomerMirrorOptions
            {
                SqlitePath = string.IsNullOrWhiteSpace(path) ? null : FileSafety.Output(path, "--sqlite"),
                PostgresConnectionString = string.IsNullOrWhiteSpace(connectionString) ? null : connectionString,
            };
            return RunAsync(context, connection, parse, options, parse.GetValue(follow) ? TimeSpan.FromSeconds(seconds) : null, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(ToolContext context, Connection connection, ParseResult parse, CustomerMirrorOptions options, TimeSpan? follow, CancellationToken cancellationToken)
    {
        Verbosity verbosity = connection.VerbosityOf(parse);
        using CustomerAddressesClient client = connection.Create(parse, context, ClientUse.Bulk);
        CustomerMirror mirror;
        try
        {
            mirror = new CustomerMirror(client, options);
        }
        catch (NotSupportedException e)
        {
            throw new UsageException(e.Message);
        }

        var clock = Stopwatch.StartNew();
        Task run = follow is { } interval ? FollowAsync(mirror, interval, cancellationToken) : mirror.SyncAsync(cancellationToken: cancellationToken);
        if (verbosity != Verbosity.Quiet)
        {
            // A follow ends with Ctrl+C: its progress goes on until the follow has ended.
            await ProgressView.PlainAsync(run, context.Error, clock, client.Statistics, () => Line(mirror.Progress, client.Statistics), follow is null ? cancellationToken : CancellationToken.None);
        }

        await run;
        MirrorProgress done = mirror.Progress;
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Mirrored into {(options.SqlitePath is { } path ? Echo.Escape(path) : "PostgreSQL")} in {clock.Elapsed:hh\\:mm\\:ss}\n"
            + $"  backfill: {done.CustomersBackfilled} customers with what they own\n"
            + $"  events: {done.EventsApplied} applied, {done.EventsDuplicate} met again, {done.OlderStatesSkipped} older than their row\n"
            + $"  rows written: {done.RowsWritten}, payment methods removed: {done.PaymentMethodsRemoved}, entities fetched: {done.EntitiesFetched}\n"
            + $"  requests: {client.Statistics.Requests} ({client.Statistics.Retries} retries), 429s received: {client.Statistics.RateLimited}"));
        return ExitCodes.Done;
    }

    /// <summary>Follows until stopped: Ctrl+C is how a follow ends, so it ends it well.</summary>
    private static async Task FollowAsync(CustomerMirror mirror, TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            await mirror.FollowAsync(interval, cancellationToken: cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static string Line(MirrorProgress p, CustomerAddressesClientStatistics statistics) =>
        string.Create(CultureInfo.InvariantCulture, $"{p.CustomersBackfilled} customers backfilled, {p.EventsApplied} events applied, {p.RowsWritten} rows written, {statistics.Requests} requests ({statistics.Retries} retries), {statistics.RateLimited} 429s");
}
