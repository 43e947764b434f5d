using System.CommandLine;
using System.Text;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Cli.Tests;

/// <summary>The help is the documentation: docs/cli.md's reference is every command's help, generated from the command tree.</summary>
public sealed class DocsTests : IDisposable
{
    private const string Begin = "<!-- help:begin -->";
    private const string End = "<!-- help:end -->";
    private readonly ToolHarness _tool = new();

    [Fact]
    public async Task The_reference_in_docs_cli_md_is_every_commands_help()
    {
        var reference = new StringBuilder();
        foreach (string[] command in Commands(Tool.Build(ToolContextFor(_tool)), []))
        {
            (int code, string help, _) = await _tool.RunAsync([.. command, "--help"]);
            Assert.Equal(0, code);
            string name = string.Join(' ', ["customeraddresses", .. command]);
            help = help.Replace($"  {RootCommand.ExecutableName} ", "  customeraddresses ", StringComparison.Ordinal);
            reference.Append($"\n### {name}\n\n```text\n{string.Join('\n', help.TrimEnd().Split('\n').Select(l => l.TrimEnd()))}\n```\n");
        }

        string path = Path.Combine(Repository.Root, "docs", "cli.md");
        string docs = File.ReadAllText(path).ReplaceLineEndings("\n");
        int begin = docs.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length;
        int end = docs.IndexOf(End, StringComparison.Ordinal);
        string expected = docs[..begin] + reference + "\n" + docs[end..];
        if (Environment.GetEnvironmentVariable("UPDATE_CLI_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(expected == docs, "docs/cli.md's reference differs from the tool's help: run UPDATE_CLI_DOCS=1 dotnet test tests/CustomerAddresses.Cli.Tests and commit docs/cli.md");
    }

    /// <summary>Every command with an action, depth first, in the tree's order.</summary>
    private static IEnumerable<string[]> Commands(Command command, string[] words)
    {
        if (command.Action is not null || words.Length == 0)
        {
            yield return words;
        }

        foreach (Command sub in command.Subcommands.Where(c => c.Name != "help"))
        {
            foreach (string[] found in Commands(sub, [.. words, sub.Name]))
            {
                yield return found;
            }
        }
    }

    private static ToolContext ToolContextFor(ToolHarness tool) => new()
    {
        Out = TextWriter.Null,
        Error = TextWriter.Null,
        Environment = _ => null,
        ConfigDirectory = tool.ConfigDirectory,
    };

    public void Dispose() => _tool.Dispose();
}
