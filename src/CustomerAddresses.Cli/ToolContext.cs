using CustomerAddresses.Client;

namespace CustomerAddresses.Cli;

/// <summary>
/// Everything a command touches outside its arguments: the writers it prints to, the environment it reads, where
/// profiles live and how a client is made. <see cref="Program"/> passes the process's own; tests pass writers, an
/// environment and a folder of their own and run every command in process.
/// </summary>
internal sealed record ToolContext
{
    /// <summary>Standard output: results and summaries.</summary>
    internal required TextWriter Out { get; init; }

    /// <summary>Standard error: errors, warnings, progress of a listing, <c>--verbose</c> lines.</summary>
    internal required TextWriter Error { get; init; }

    /// <summary>Whether standard output is a terminal (tables and colours) rather than a pipe or a file (plain tab-separated lines).</summary>
    internal bool OutIsTerminal { get; init; }

    /// <summary>Whether standard error is a terminal, where an import draws its progress bar.</summary>
    internal bool ErrorIsTerminal { get; init; }

    /// <summary>The environment variables (<c>CUSTOMERADDRESSES_*</c>); empty counts as not set.</summary>
    internal required Func<string, string?> Environment { get; init; }

    /// <summary>The folder of the profiles file (<see cref="Profiles"/>).</summary>
    internal required string ConfigDirectory { get; init; }

    /// <summary>Makes the client a command sends through, from the options the connection settled on.</summary>
    internal Func<CustomerAddressesClientOptions, CustomerAddressesClient> ClientFactory { get; init; } = static options => new CustomerAddressesClient(options);

    /// <summary>The process's own: the console, its environment, and the user's configuration folder.</summary>
    internal static ToolContext FromProcess()
    {
        static string? Variable(string name) => System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
        return new()
        {
            Out = Console.Out,
            Error = Console.Error,
            OutIsTerminal = !Console.IsOutputRedirected,
            ErrorIsTerminal = !Console.IsErrorRedirected,
            Environment = Variable,
            ConfigDirectory = Profiles.DefaultDirectory(Variable),
        };
    }

    /// <summary>The value of <paramref name="variable"/>, or null when it is not set or empty.</summary>
    internal string? Variable(string variable) => Environment(variable) is { Length: > 0 } value ? value : null;
}
