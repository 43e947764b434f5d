using System.Text.RegularExpressions;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.Tests;

/// <summary>
/// The README stays a first read: at most 400 lines, the reference in docs/, and every page it sends a reader to exists
/// (with the heading the link names).
/// </summary>
public sealed partial class ReadmeLengthTests
{
    private const int MaxLines = 400;

    private static string Readme => File.ReadAllText(Path.Combine(Repository.Root, "README.md"));

    [Fact]
    public void The_README_is_at_most_400_lines()
    {
        int lines = Readme.TrimEnd('\n').Split('\n').Length;

        Assert.True(lines <= MaxLines, $"README.md has {lines} lines; move reference to docs/ and link it");
    }

    [Fact]
    public void Every_page_the_README_links_to_exists_with_the_heading_it_names()
    {
        MatchCollection links = RelativeLink().Matches(Readme);

        Assert.True(links.Count >= 10, $"only {links.Count} relative links were found");
        foreach (Match link in links)
        {
            string path = Path.Combine(Repository.Root, link.Groups["path"].Value);
            Assert.True(File.Exists(path), $"README.md links to {link.Groups["path"].Value}, which does not exist");
            if (link.Groups["anchor"].Success)
            {
                string[] anchors = [.. Heading().Matches(File.ReadAllText(path)).Select(h => Anchor(h.Groups[1].Value))];
                Assert.True(anchors.Contains(link.Groups["anchor"].Value), $"{link.Groups["path"].Value} has no heading #{link.Groups["anchor"].Value}");
            }
        }
    }

    /// <summary>GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static string Anchor(string heading) =>
        string.Concat(heading.Trim().ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')).Replace(' ', '-');

    [GeneratedRegex(@"\]\((?<path>(?:docs/)?[A-Za-z.-]+\.md)(?:#(?<anchor>[a-z0-9-]+))?\)")]
    private static partial Regex RelativeLink();

    [GeneratedRegex(@"(?m)^#{1,6} (.+)$")]
    private static partial Regex Heading();
}
