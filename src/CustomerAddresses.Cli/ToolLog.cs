using CustomerAddresses.Client.Primitives;
using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Cli;

/// <summary>
/// What the client's libraries say that a user of the tool must hear (the shared rate limit falling back to pacing this
/// process, and its return): one line each on standard error, as the tool's other messages, values escaped. The client's
/// own call log and retries stay quiet; the summary counts them.
/// </summary>
internal sealed class ToolLog : ILoggerProvider
{
    private static readonly string[] s_categories = ["CustomerAddresses.Client.Redis"];

    public ILogger CreateLogger(string categoryName) => Array.IndexOf(s_categories, categoryName) >= 0 ? new Line() : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Line : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Console.Error.WriteLine($"customeraddresses: {Echo.Escape(formatter(state, exception))}");
            }
        }
    }
}
