using System.Text.RegularExpressions;

namespace CustomerAddresses.Client.Tests.Conventions;

/// <summary>
/// The package's inside, read from its sources: dependencies run one way (resources → Core → Resilience → Transport →
/// Protocol → Configuration → Diagnostics, with Primitives, Serialization and Errors as shared leaves), and no file
/// grows past what a reviewer reads in one sitting.
/// </summary>
public sealed partial class SourceLayoutTests
{
    private const int MaxLines = 250;

    /// <summary>Lower layers may be imported from higher ones, never the other way.</summary>
    private static readonly Dictionary<string, int> s_layers = new(StringComparer.Ordinal)
    {
        ["Diagnostics"] = 0,
        ["Configuration"] = 1,
        ["Protocol"] = 2,
        ["Transport"] = 3,
        ["Resilience"] = 4,
        ["Core"] = 5,
        ["Customers"] = 6,
        ["Addresses"] = 6,
        ["BillingAddresses"] = 6,
        ["Webhooks"] = 6,
        [""] = 7, // the façade at the root: the client, its options, the DI extensions
    };

    private static readonly HashSet<string> s_leaves = ["Primitives", "Serialization", "Errors"];

    private static string SourceRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CustomerAddresses.Client.sln")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("The repository root was not found."), "src", "CustomerAddresses.Client");
        }
    }

    private static IEnumerable<(string Folder, string File, string Text)> Sources() =>
        Directory.EnumerateFiles(SourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f =>
            {
                string relative = Path.GetRelativePath(SourceRoot, f);
                int slash = relative.IndexOf(Path.DirectorySeparatorChar, StringComparison.Ordinal);
                return (slash < 0 ? string.Empty : relative[..slash], relative, File.ReadAllText(f));
            });

    [GeneratedRegex(@"\bCustomerAddresses\.Client\.([A-Z][A-Za-z]+)\b")]
    private static partial Regex InternalNamespace();

    [Fact]
    public void Every_source_folder_has_a_place_in_the_layers()
    {
        Assert.All(Sources(), s => Assert.True(s_layers.ContainsKey(s.Folder) || s_leaves.Contains(s.Folder), $"{s.File}: folder '{s.Folder}' has no layer"));
    }

    [Fact]
    public void Imports_run_one_way()
    {
        var violations = new List<string>();
        int imports = 0;
        foreach ((string folder, string file, string text) in Sources())
        {
            foreach (string imported in InternalNamespace().Matches(text).Select(m => m.Groups[1].Value).Distinct())
            {
                if (imported == folder || !(s_layers.ContainsKey(imported) || s_leaves.Contains(imported)))
                {
                    continue; // itself, or a type name such as CustomerAddresses.Client.Testing in a comment
                }

                imports++;
                bool allowed = s_leaves.Contains(folder)
                    ? s_leaves.Contains(imported)
                    : s_leaves.Contains(imported) || s_layers[imported] < s_layers[folder];
                if (!allowed)
                {
                    violations.Add($"{file} imports {imported}");
                }
            }
        }

        Assert.Empty(violations);
        Assert.True(imports > 40, $"only {imports} imports were checked");
    }

    [Fact]
    public void No_source_file_is_over_250_lines()
    {
        Assert.All(Sources(), s => Assert.True(s.Text.Split('\n').Length <= MaxLines + 1, $"{s.File} has {s.Text.Split('\n').Length} lines"));
    }
}
