using System.Text.RegularExpressions;
using CustomerAddresses.Client.Transport;

namespace CustomerAddresses.Client.Tests.Transport;

/// <summary>The <c>X-Client-Request-Id</c> of each call: a version-4 GUID, never repeated, from any thread.</summary>
public sealed partial class ClientRequestIdTests
{
    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex VersionFourGuid();

    [Fact]
    public async Task Ids_are_version_4_guids_and_100_000_from_4_threads_are_all_distinct()
    {
        string[][] batches = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 25_000).Select(_ => ClientRequestHandler.NewRequestId()).ToArray())));

        string[] all = batches.SelectMany(b => b).ToArray();
        Assert.All(all.Take(1_000), id => Assert.Matches(VersionFourGuid(), id));
        Assert.Equal(all.Length, all.Distinct(StringComparer.Ordinal).Count());
    }
}
