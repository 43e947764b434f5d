using System.Diagnostics;
using System.Globalization;
using CustomerAddresses.Client;
using CustomerAddresses.Client.Bulk;
using Spectre.Console;

namespace CustomerAddresses.Cli;

/// <summary>The latest progress an import reported; read by the view, from another thread.</summary>
internal sealed class ProgressSink : IProgress<BulkProgress>
{
    private BulkProgress _latest = new();

    internal BulkProgress Latest => Volatile.Read(ref _latest);

    public void Report(BulkProgress value)
    {
        // Reports from concurrent rows can arrive out of order: keep the furthest.
        BulkProgress seen;
        do
        {
            seen = Latest;
            if (value.RowsDone < seen.RowsDone)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _latest, value, seen) != seen);
    }
}

/// <summary>
/// Progress while a run lasts: a bar with rows done, rate and time left on a terminal; plain lines when the output is not
/// one (a CI log), on the schedule of <see cref="PlainSchedule"/>: nothing is silent for more than two seconds at the start
/// or while retries and 429s come, and a line every five seconds while all goes well.
/// </summary>
internal static class ProgressView
{
    private static readonly TimeSpan s_tick = TimeSpan.FromMilliseconds(250);

    /// <summary>Writes <paramref name="line"/> (with a stall, if any) on the plain schedule until <paramref name="run"/> ends.</summary>
    internal static async Task PlainAsync(Task run, TextWriter writer, Stopwatch clock, CustomerAddressesClientStatistics statistics, Func<string> line, CancellationToken cancellationToken)
    {
        var schedule = new PlainSchedule(() => statistics.Retries + statistics.RateLimited);
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(s_tick, cancellationToken));
            if (!run.IsCompleted && schedule.Due(clock.Elapsed))
            {
                await writer.WriteLineAsync(line() + Stalled(statistics));
            }
        }
    }

    internal static async Task<BulkProgress> ShowAsync(ToolContext context, Verbosity verbosity, Task<BulkProgress> run, ProgressSink sink, long total, Stopwatch clock, CustomerAddressesClientStatistics statistics, CancellationToken cancellationToken)
    {
        long before = sink.Latest.RowsDone;
        if (verbosity == Verbosity.Quiet)
        {
            return await run;
        }

        if (context.OutIsTerminal && context.ErrorIsTerminal && AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    ProgressTask bar = context.AddTask("Importing", maxValue: Math.Max(total, 1));
                    while (!run.IsCompleted)
                    {
                        Update(bar, sink.Latest, total, clock, statistics);
                        await Task.WhenAny(run, Task.Delay(200, cancellationToken));
                    }

                    BulkProgress done = await run;
                    Update(bar, done, total, clock, statistics);
                    return done;
                });
        }

        await PlainAsync(run, context.Out, clock, statistics, () => Line(sink.Latest, total, clock.Elapsed, before, statistics.Retries), cancellationToken);
        return await run;
    }

    private static void Update(ProgressTask bar, BulkProgress p, long total, Stopwatch clock, CustomerAddressesClientStatistics statistics)
    {
        bar.Value = p.RowsDone;
        bar.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{p.RowsDone}/{total} rows, {Rate(p.RowsDone, clock.Elapsed):0.0}/s, {p.Rejected} rejected, {statistics.Retries} retries") + Stalled(statistics));
    }

    /// <summary>
    /// What the run waits for when the server's rate limit stalls it (a 429 asked to wait): said with the wait left, and
    /// the rate the client paces at from then on; empty when nothing stalls it.
    /// </summary>
    internal static string Stalled(CustomerAddressesClientStatistics statistics, TimeProvider? time = null)
    {
        DateTimeOffset now = (time ?? TimeProvider.System).GetUtcNow();
        if (statistics.RateLimitedUntil is not { } until || until <= now)
        {
            return string.Empty;
        }

        string pace = statistics.LearnedRequestsPerMinute is { } learned ? string.Create(CultureInfo.InvariantCulture, $", then pacing at {learned} requests a minute") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $", waiting {Math.Ceiling((until - now).TotalSeconds):0} s: the server answered 429 (too many requests){pace}");
    }

    /// <summary>Rows done, the rate and the time left, as one line.</summary>
    internal static string Line(BulkProgress p, long total, TimeSpan elapsed, long doneBefore, long retries)
    {
        double rate = Rate(p.RowsDone - doneBefore, elapsed);
        string left = rate > 0 ? TimeSpan.FromSeconds((total - p.RowsDone) / rate).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "unknown";
        return string.Create(CultureInfo.InvariantCulture, $"{p.RowsDone}/{total} rows ({(total == 0 ? 100 : p.RowsDone * 100 / total)}%), {rate:0.0} rows/s, {left} left, {p.Rejected} rejected, {p.Requests} requests ({retries} retries), {p.RateLimited} 429s");
    }

    private static double Rate(long rows, TimeSpan elapsed) => elapsed.TotalSeconds > 0 ? rows / elapsed.TotalSeconds : 0;
}

/// <summary>
/// When a plain progress line is due: two seconds after the start, then five seconds after the last line, or two when
/// retries or 429s came since it (a run in trouble says so at once).
/// </summary>
/// <param name="trouble">How many retries and 429s there were so far.</param>
internal sealed class PlainSchedule(Func<long> trouble)
{
    private static readonly TimeSpan s_soon = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_every = TimeSpan.FromSeconds(5);
    private TimeSpan _last;
    private long _trouble = trouble();
    private bool _first = true;

    internal bool Due(TimeSpan elapsed)
    {
        long now = trouble();
        if (elapsed - _last < (_first || now != _trouble ? s_soon : s_every))
        {
            return false;
        }

        (_last, _trouble, _first) = (elapsed, now, false);
        return true;
    }
}
