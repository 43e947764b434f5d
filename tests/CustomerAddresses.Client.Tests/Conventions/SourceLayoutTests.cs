using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.Tests.Conventions;

/// <summary>No source file of the package grows past what a reviewer reads in one sitting (the folders' direction is checked by LayeringTests).</summary>
public sealed class SourceLayoutTests
{
    private const int MaxLines = 250;

    [Fact]
    public void No_source_file_is_over_250_lines()
    {
        string[] files = [.. Directory.EnumerateFiles(Repository.ClientSources, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))];

        Assert.True(files.Length > 50, $"only {files.Length} source files were found");
        Assert.All(files, f => Assert.True(File.ReadAllLines(f).Length <= MaxLines, $"{f} has {File.ReadAllLines(f).Length} lines"));
    }
}
