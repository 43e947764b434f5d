using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CustomerAddresses.Client.Tests;

/// <summary>
/// Each C# block of the README, of the packages' readme and of the docs, pasted alone into a new console project with the using
/// lines it shows, compiles: it is compiled here on its own, with a console project's implicit usings and this
/// test's references (the packages, ASP.NET Core, the generic host) and nothing from the other blocks.
/// </summary>
public sealed partial class ReadmeBlockTests
{
    private static readonly string[] s_consoleImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly Lazy<MetadataReference[]> s_references = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(path => MetadataReference.CreateFromFile(path))]);

    private static string[] BlocksOf(string file) =>
        [.. CSharpBlock().Matches(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Readme", file))).Select(m => m.Groups[1].Value)];

    /// <summary>The README, the packages' readme, and the user guides under docs/.</summary>
    private static IEnumerable<string> Files() =>
        new[] { "README.md", "package-readme.md" }.Concat(ReadmeExamplesTests.UserGuides.Select(g => Path.Combine("docs", g)));

    public static TheoryData<string, int> Blocks()
    {
        var data = new TheoryData<string, int>();
        foreach (string file in Files())
        {
            for (int i = 0; i < BlocksOf(file).Length; i++)
            {
                data.Add(file, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Each_block_compiles_on_its_own_in_a_new_console_project(string file, int index)
    {
        string block = BlocksOf(file)[index];
        CSharpCompilation compilation = CSharpCompilation.Create(
            $"ReadmeBlock{index}",
            [
                CSharpSyntaxTree.ParseText(block, new CSharpParseOptions(LanguageVersion.Latest), path: $"{file}#{index}"),
                CSharpSyntaxTree.ParseText(string.Join('\n', s_consoleImplicitUsings.Select(u => $"global using {u};")), new CSharpParseOptions(LanguageVersion.Latest)),
            ],
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        // CS5001 (no Main): a block that only declares a type, such as a fake, is a file of a project, not a program.
        string[] errors = [.. compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS5001").Select(d => d.ToString())];

        Assert.True(errors.Length == 0, $"{file}, block {index + 1}:\n{block}\n{string.Join('\n', errors)}");
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Each_block_shows_the_using_lines_of_what_it_uses(string file, int index)
    {
        string block = BlocksOf(file)[index];
        if (Regex.IsMatch(block, @"\b(CustomerAddressesClient|Customer|Address|PaddleWebhook\w*|CustomerId|AddressId)\b"))
        {
            Assert.Contains("using CustomerAddresses.Client;", block, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_package_readme_has_no_relative_link_and_no_contributor_section()
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Readme", "package-readme.md"));

        Assert.DoesNotMatch(@"\]\((?!https://)[^)]*\)", text); // a relative link breaks on a package page
        Assert.DoesNotContain(".ci/run", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet test", text, StringComparison.Ordinal);
        Assert.DoesNotContain("## Repository", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
