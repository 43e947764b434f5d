using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using CustomerAddresses.Client;
using CustomerAddresses.Client.Bulk;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Cli;

/// <summary>
/// The command tree (System.CommandLine) and how a run ends: every error one line on standard error, prefixed with the
/// tool's name, and an exit code of <see cref="ExitCodes"/>. Each command takes the <see cref="ToolContext"/>, so the
/// whole tool runs in process.
/// </summary>
internal static class Tool
{
    /// <summary>The width help is laid out to, whatever the terminal: the help is also the documentation (docs/cli.md).</summary>
    internal const int HelpWidth = 110;

    internal static RootCommand Build(ToolContext context)
    {
        var connection = new Connection();
        var listing = new Listing();
        var root = new RootCommand("customeraddresses: bulk import and export of customers with their addresses and businesses, a mirror of them in your own database, and a look at them, on Paddle Billing or the /api/v1 customers API.");
        foreach (Option option in connection.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(ImportCommand.Create(context, connection));
        root.Subcommands.Add(ExportCommand.Create(context, connection));
        root.Subcommands.Add(MirrorCommand.Create(context, connection));
        root.Subcommands.Add(CustomersCommand.Create(context, connection, listing));
        root.Subcommands.Add(AddressesCommand.Create(context, connection, listing));
        root.Subcommands.Add(ProfileCommand.Create(context, connection));
        root.Subcommands.Add(CompletionCommand.Create(context));
        var words = new Argument<string[]>("COMMAND") { Description = "The command to explain, as you would type it (import, customers list, …).", Arity = ArgumentArity.ZeroOrMore };
        var help = new Command("help", "Explain a command: help import is import --help.") { words };
        help.SetAction(parse => Help(root, context, parse.GetValue(words) ?? []));
        root.Subcommands.Add(help);

        HelpOption helpOption = root.Options.OfType<HelpOption>().Single();
        helpOption.Action = new FullHelp((HelpAction)helpOption.Action!);
        root.Options.OfType<VersionOption>().Single().Action = new ToolVersion();
        return root;
    }

    /// <summary>Runs one command line to its exit code.</summary>
    internal static async Task<int> RunAsync(string[] args, ToolContext context, CancellationToken cancellationToken)
    {
        RootCommand root = Build(context);
        var configuration = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null, // Ctrl+C cancels the token; an import commits its rejects and stops
        };
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            return ParseError(root, parse, context, configuration, args.Length == 0);
        }

        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception e) when (Describe(e, cancellationToken) is ({ } code, { } message))
        {
            await context.Error.WriteLineAsync($"customeraddresses: {Echo.Escape(message)}");
            return code;
        }
    }

    /// <summary>
    /// The exit code and the line an exception ends a run with: one line whatever happened, a defect included (said as
    /// one, with its type); (null, null) only for a cancellation nobody asked for, left to propagate.
    /// </summary>
    internal static (int? Code, string? Message) Describe(Exception e, CancellationToken cancellationToken) => e switch
    {
        UsageException or BulkJournalException or UnauthorizedAccessException => (ExitCodes.Usage, $"{e.Message} (--help for usage)"),
        MissingKeyException => (ExitCodes.Authentication, e.Message),
        AuthenticationFailedException or PermissionDeniedException => (ExitCodes.Authentication, $"{e.Message} (check the key: --api-key, CUSTOMERADDRESSES_API_KEY or the profile)"),
        OperationCanceledException when cancellationToken.IsCancellationRequested => (ExitCodes.Stopped, "stopped; an import resumes from its journal when run again"),
        CustomerAddressesApiException api when api.StatusCode is HttpStatusCode.TooManyRequests || (int)api.StatusCode >= 500 => (ExitCodes.Stopped, $"{e.Message} (run it again)"),
        CustomerAddressesApiException => (ExitCodes.Failed, e.Message),
        HttpRequestException { InnerException: SocketException socket } => (ExitCodes.Stopped, $"cannot reach the server: {socket.SocketErrorCode switch { SocketError.ConnectionRefused => "connection refused", SocketError.HostNotFound => "no such host", _ => socket.Message }} (run it again)"),
        HttpRequestException or TimeoutException or IOException => (ExitCodes.Stopped, $"{e.Message} (run it again)"),
        System.Data.Common.DbException => (ExitCodes.Stopped, $"the mirror's database: {e.Message} (run it again)"), // never the connection string
        OperationCanceledException => (null, null),
        _ => (ExitCodes.Failed, $"unexpected {e.GetType().Name}: {e.Message} (a defect of the tool: please report it)"),
    };

    private static int ParseError(RootCommand root, ParseResult parse, ToolContext context, InvocationConfiguration configuration, bool noArguments)
    {
        if (noArguments)
        {
            root.Parse(["--help"]).Invoke(configuration);
            return ExitCodes.Usage;
        }

        // The library's own typo corrections ("did you mean"), gathered onto the one line of the error.
        var suggestions = new StringWriter();
        ((ParseErrorAction)parse.Action!).ShowHelp = false;
        parse.Invoke(new InvocationConfiguration { Output = suggestions, Error = TextWriter.Null, EnableDefaultExceptionHandler = false });
        string[] alternatives = [.. suggestions.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Skip(1)];
        string problem = parse.UnmatchedTokens.Count > 0
            ? $"{Echo.Quote(parse.UnmatchedTokens[0])} is not a command or option of {Echo.Quote(string.Join(' ', Path(parse.CommandResult.Command)))}"
            : parse.Errors[0].Message.TrimEnd('.');
        string hint = alternatives.Length > 0 ? $"; did you mean {string.Join(" or ", alternatives.Select(a => Echo.Quote(a)))}?" : string.Empty;
        context.Error.WriteLine($"customeraddresses: {Echo.Escape(problem)}{hint} (--help for usage)");
        return ExitCodes.Usage;
    }

    /// <summary>A command's words from the root: <c>customeraddresses customers list</c>.</summary>
    private static IEnumerable<string> Path(Command command) =>
        command.Parents.OfType<Command>().FirstOrDefault() is { } parent ? [.. Path(parent), command.Name] : ["customeraddresses"];

    private static int Help(RootCommand root, ToolContext context, string[] words)
    {
        ParseResult parse = root.Parse([.. words, "--help"]);
        if (words.Any(w => w.StartsWith('-')) || parse.UnmatchedTokens.Count > 0)
        {
            throw new UsageException($"no command {Echo.Quote(string.Join(' ', words))}: help takes a command, as in help import or help customers list");
        }

        parse.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error });
        return ExitCodes.Done;
    }

    /// <summary>The tool's own version (the library's would read the process's entry assembly, which is not the tool's when it runs in process).</summary>
    private sealed class ToolVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(typeof(Tool).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
            return ExitCodes.Done;
        }
    }

    /// <summary>The library's help, laid out to <see cref="HelpWidth"/>, then the environment variables and the exit codes.</summary>
    private sealed class FullHelp(HelpAction help) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            help.MaxWidth = HelpWidth;
            help.Invoke(parseResult);
            TextWriter output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Environment (an option wins over its variable, and both over the profile):");
            foreach ((string option, string variable) in Connection.Variables)
            {
                output.WriteLine($"  {variable,-42}{option}");
            }

            output.WriteLine();
            output.WriteLine(ExitCodes.Help);
            return ExitCodes.Done;
        }
    }
}
