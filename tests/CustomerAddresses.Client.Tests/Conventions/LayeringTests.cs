using CustomerAddresses.Client.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CustomerAddresses.Client.Tests.Conventions;

/// <summary>
/// The package's folders depend one way, checked on compiled symbols: every name in every source file is bound by the
/// compiler, and a name that binds to a type (or a member of a type) declared in a higher layer's folder fails the test.
/// The table below is the one docs/architecture.md draws.
/// </summary>
public sealed class LayeringTests
{
    /// <summary>Each folder's layer: a folder may use its own and lower layers, never a higher one nor a sibling of its own rank.</summary>
    internal static readonly IReadOnlyDictionary<string, int> Layers = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["Primitives"] = 0,
        ["Errors"] = 1,
        ["Diagnostics"] = 2,
        ["Serialization"] = 3,
        ["Sessions"] = 4,
        ["RateLimiting"] = 4,
        ["Configuration"] = 5,
        ["Protocol"] = 6,
        ["Transport"] = 7,
        ["Resilience"] = 8,
        ["Core"] = 9,
        ["Customers"] = 10,
        ["Addresses"] = 10,
        ["BillingAddresses"] = 10,
        ["Businesses"] = 10,
        ["PaymentMethods"] = 10,
        ["Webhooks"] = 11,
        [string.Empty] = 12, // the root: the client, the DI extensions, the model factory
    };

    private static readonly Lazy<(Compilation Compilation, IReadOnlyList<SyntaxTree> Trees)> s_compilation = new(Compile);

    internal static string SourceRoot => Repository.ClientSources;

    /// <summary>The folder a source file is in, relative to the package's root: its first path segment, or empty at the root.</summary>
    internal static string FolderOf(string path)
    {
        string relative = Path.GetRelativePath(SourceRoot, path);
        int slash = relative.IndexOf(Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return slash < 0 ? string.Empty : relative[..slash];
    }

    private static bool IsIntermediate(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    internal static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(SourceRoot, "*.cs", SearchOption.AllDirectories).Where(f => !IsIntermediate(f));

    /// <summary>
    /// The package's sources, with what its build generated next to them (global usings, the source generators' output
    /// under <c>obj/…/net10.0/</c>), compiled against the assemblies this test runs with (the package's own dependencies
    /// are among them). Only the sources' own references are checked; the generated files only complete the binding.
    /// </summary>
    private static (Compilation, IReadOnlyList<SyntaxTree>) Compile()
    {
        // The configuration binder's generated code intercepts Bind calls, a feature the project turns on for its namespace.
        CSharpParseOptions parse = new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.None)
            .WithFeatures([new("InterceptorsNamespaces", "Microsoft.Extensions.Configuration.Binder.SourceGeneration")]);
        SyntaxTree[] trees = [.. SourceFiles().Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, path: f))];
        // The latest build's output, Debug or Release: the one whose generated files were written last (a folder's own
        // time changes only when an entry is added or removed, so it cannot tell a stale configuration from a fresh one).
        (string intermediate, FileInfo[] written) = Directory.EnumerateDirectories(Path.Combine(SourceRoot, "obj"), "net10.0", SearchOption.AllDirectories)
            .Where(d => Directory.Exists(Path.Combine(d, "generated")))
            .Select(d => (d, Files: new DirectoryInfo(Path.Combine(d, "generated")).GetFiles("*.cs", SearchOption.AllDirectories)))
            .Where(o => o.Files.Length > 0)
            .OrderByDescending(o => o.Files.Max(f => f.LastWriteTimeUtc))
            .FirstOrDefault() is ({ } found, { } files)
            ? (found, files)
            : throw new InvalidOperationException("The package's net10.0 build output (obj/…/net10.0/generated) was not found: build it first.");
        // The compiler writes every generated file anew on each build but never deletes one a generator no longer
        // writes: only those of the latest build (written within a minute of the newest) are read.
        DateTime latest = written.Max(f => f.LastWriteTimeUtc);
        SyntaxTree[] generated = [.. written.Where(f => f.LastWriteTimeUtc >= latest.AddMinutes(-1)).Select(f => f.FullName)
            .Append(Path.Combine(intermediate, "CustomerAddresses.Client.GlobalUsings.g.cs"))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, path: f))];
        string[] trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        IEnumerable<string> local = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => !Path.GetFileName(f).StartsWith("CustomerAddresses.Client", StringComparison.Ordinal));
        MetadataReference[] references = [.. trusted.Concat(local).DistinctBy(Path.GetFileName).Select(f => MetadataReference.CreateFromFile(f))];
        var compilation = CSharpCompilation.Create(
            "CustomerAddresses.Client",
            [.. trees, .. generated],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        return (compilation, trees);
    }

    /// <summary>Every reference from a source file to a type declared in another folder of the package: (from, to, where).</summary>
    internal static IEnumerable<(string From, string To, string Where)> CrossFolderReferences()
    {
        (Compilation compilation, IReadOnlyList<SyntaxTree> trees) = s_compilation.Value;
        foreach (SyntaxTree tree in trees)
        {
            string from = FolderOf(tree.FilePath);
            SemanticModel model = compilation.GetSemanticModel(tree);
            var seen = new HashSet<(string, ISymbol)>();
            foreach (SyntaxNode node in tree.GetRoot().DescendantNodes())
            {
                ISymbol? symbol = node switch
                {
                    SimpleNameSyntax or ImplicitObjectCreationExpressionSyntax => Bound(model.GetSymbolInfo(node)),
                    _ => null,
                };
                if (DeclaringType(symbol) is not { } type)
                {
                    continue;
                }

                foreach (Location location in type.Locations.Where(l => l.IsInSource && l.SourceTree!.FilePath.StartsWith(SourceRoot, StringComparison.Ordinal) && !IsIntermediate(l.SourceTree.FilePath)))
                {
                    string to = FolderOf(location.SourceTree!.FilePath);
                    if (to != from && seen.Add((to, type)))
                    {
                        yield return (from, to, $"{Path.GetRelativePath(SourceRoot, tree.FilePath)}:{node.GetLocation().GetLineSpan().StartLinePosition.Line + 1} uses {type.ToDisplayString()} ({to})");
                    }
                }
            }
        }
    }

    private static ISymbol? Bound(SymbolInfo info) => info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);

    /// <summary>The type a symbol belongs to (the outermost one, whose file places it), or null for namespaces, locals and the like.</summary>
    private static INamedTypeSymbol? DeclaringType(ISymbol? symbol)
    {
        INamedTypeSymbol? type = symbol switch
        {
            INamedTypeSymbol named => named.OriginalDefinition,
            IMethodSymbol { MethodKind: MethodKind.ReducedExtension } extension => extension.ReducedFrom?.ContainingType,
            IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol => symbol.ContainingType?.OriginalDefinition,
            _ => null,
        };
        while (type?.ContainingType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    [Fact]
    public void Every_source_folder_has_a_layer()
    {
        Assert.All(SourceFiles(), f => Assert.True(Layers.ContainsKey(FolderOf(f)), $"{f}: folder '{FolderOf(f)}' has no layer"));
    }

    [Fact]
    public void The_compiler_binds_every_name_of_the_sources()
    {
        // The check is only as good as the binding: a name the compiler cannot bind is a reference the test cannot see.
        string[] errors = [.. s_compilation.Value.Compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString())];

        Assert.True(errors.Length == 0, string.Join('\n', errors.Take(20)));
    }

    [Fact]
    public void Folders_depend_one_way()
    {
        List<(string From, string To, string Where)> references = [.. CrossFolderReferences()];
        string[] violations = [.. references.Where(r => Layers[r.To] >= Layers[r.From]).Select(r => r.Where)];

        Assert.True(violations.Length == 0, $"{violations.Length} references run up or sideways:\n" + string.Join('\n', violations));
        Assert.True(references.Count > 150, $"only {references.Count} cross-folder references were found: the binding is broken");
    }
}
