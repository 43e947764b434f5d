using System.Globalization;
using CustomerAddresses.Client.Primitives;
using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Cli;

/// <summary>How much a run says besides its results: <c>--quiet</c>, the default, or <c>--verbose</c>.</summary>
internal enum Verbosity
{
    /// <summary>Only errors and the summary.</summary>
    Quiet,

    /// <summary>Also warnings, progress, and each retry of an interactive command.</summary>
    Normal,

    /// <summary>Also every HTTP call: method, route, status, request id, milliseconds, and every retried attempt.</summary>
    Verbose,
}

/// <summary>
/// What the client's libraries say that a user of the tool must hear, one line each on standard error, values escaped:
/// a retry of an interactive command (<c>retrying (1/2) in 0.5 s: connection refused</c>), the shared rate limit
/// falling back to pacing this process and its return, and with <c>--verbose</c> every call and attempt. The client's
/// log lines name routes, never a URL, header, body or key, so neither does this.
/// </summary>
internal sealed class ToolLog(TextWriter error, Verbosity verbosity, bool announceRetries) : ILoggerProvider
{
    private const string ClientCategory = "CustomerAddresses.Client";

    public ILogger CreateLogger(string categoryName) => new Line(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string categoryName, LogLevel level, EventId eventId, IReadOnlyList<KeyValuePair<string, object?>>? state, string message)
    {
        string? line = (categoryName, eventId.Id) switch
        {
            (_, _) when verbosity == Verbosity.Verbose && categoryName.StartsWith(ClientCategory, StringComparison.Ordinal) => message,
            (ClientCategory, 1) when announceRetries && verbosity >= Verbosity.Normal && state is not null => Retrying(state),
            ("CustomerAddresses.Client.Redis", _) when verbosity >= Verbosity.Normal && level >= LogLevel.Information => message,
            _ => null,
        };
        if (line is not null)
        {
            lock (error)
            {
                error.WriteLine($"customeraddresses: {Echo.Escape(line)}");
            }
        }
    }

    /// <summary>A retry as a user reads it: which retry of how many, when, and why.</summary>
    private static string Retrying(IReadOnlyList<KeyValuePair<string, object?>> state)
    {
        object? Of(string name) => state.FirstOrDefault(p => p.Key == name).Value;
        int next = Of("NextAttempt") is int n ? n : 0;
        int max = Of("MaxAttempts") is int m ? m : 0;
        double seconds = Of("DelayMs") is double ms ? ms / 1000 : 0;
        return string.Create(CultureInfo.InvariantCulture, $"retrying ({next - 1}/{max - 1}) in {seconds:0.#} s: {Of("Outcome")}");
    }

    private sealed class Line(ToolLog log, string categoryName) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= (log.Level == Verbosity.Verbose ? LogLevel.Debug : LogLevel.Information);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Write(categoryName, logLevel, eventId, state as IReadOnlyList<KeyValuePair<string, object?>>, formatter(state, exception));
            }
        }
    }

    private Verbosity Level => verbosity;
}
