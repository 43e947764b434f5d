using CustomerAddresses.Cli;

namespace CustomerAddresses.Cli.Tests;

/// <summary>
/// Runs the tool in process, as <c>customeraddresses</c> would run: its own command tree, with standard output and
/// error captured, an environment of the test's (nothing of the machine's leaks in), and a configuration folder of its
/// own for profiles.
/// </summary>
internal sealed class ToolHarness : IDisposable
{
    internal const string Key = "pdl_sdbx_apikey_01harnesskeyvalue_SECRETSECRETSECRET";

    internal ToolHarness() => Directory = System.IO.Directory.CreateTempSubdirectory("customeraddresses-cli-").FullName;

    /// <summary>A folder for the test's files; the configuration folder is inside it.</summary>
    internal string Directory { get; }

    internal string ConfigDirectory => Path.Combine(Directory, "config");

    /// <summary>The environment the tool sees.</summary>
    internal Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether standard output is a terminal (a table) or a pipe (plain lines).</summary>
    internal bool Terminal { get; set; }

    /// <summary>Makes the tool's clients; null for the tool's own.</summary>
    internal Func<CustomerAddresses.Client.CustomerAddressesClientOptions, CustomerAddresses.Client.CustomerAddressesClient>? ClientFactory { get; set; }

    /// <summary>Points the tool at a server, with the harness's key, through the environment.</summary>
    internal ToolHarness At(Uri baseAddress, string? dialect = "paddle")
    {
        Environment["CUSTOMERADDRESSES_BASE_URL"] = baseAddress.ToString();
        Environment["CUSTOMERADDRESSES_API_KEY"] = Key;
        if (dialect is not null)
        {
            Environment["CUSTOMERADDRESSES_DIALECT"] = dialect;
        }

        return this;
    }

    internal string File(string name, string content)
    {
        string path = Path.Combine(Directory, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    internal async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var context = new ToolContext
        {
            Out = output,
            Error = error,
            OutIsTerminal = Terminal,
            ErrorIsTerminal = false,
            Environment = name => Environment.TryGetValue(name, out string? value) && value.Length > 0 ? value : null,
            ConfigDirectory = ConfigDirectory,
        };
        if (ClientFactory is not null)
        {
            context = context with { ClientFactory = ClientFactory };
        }

        int code = await Tool.RunAsync(args, context, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
