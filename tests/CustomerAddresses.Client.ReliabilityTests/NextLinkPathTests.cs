using CustomerAddresses.Client.Tests.Shared;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary>
/// A same-origin <c>next</c> link that leaves the list endpoint's own path (an admin path, dot segments, another
/// customer's list) is not followed: the cursor is, on the list's path, so credentials go nowhere else and no other
/// list's items are labelled as this customer's. A relative link is resolved against the list URL.
/// </summary>
public sealed class NextLinkPathTests : IDisposable
{
    private const string Path = "/v1/customers/ctm_1/addresses";
    private readonly WireMockServer _api = WireMockServer.Start();

    public void Dispose() => _api.Stop();

    private void Pages(string next)
    {
        _api.Given(Request.Create().UsingGet()).AtPriority(100) // anything off the list's path
            .RespondWith(Response.Create().WithBody("""{"data":[{"id":"add_9","customer_id":"ctm_2"}],"meta":{"pagination":{"has_more":false}}}"""));
        _api.Given(Request.Create().WithPath(Path).UsingGet()).AtPriority(10)
            .RespondWith(Response.Create().WithBody("""{"data":[{"id":"add_1"},{"id":"add_2"}],"meta":{"pagination":{"has_more":true,"next":""" + System.Text.Json.JsonSerializer.Serialize(next) + "}}}"));
        _api.Given(Request.Create().WithPath(Path).WithParam("after", "add_2").UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithBody("""{"data":[{"id":"add_3"}],"meta":{"pagination":{"has_more":false}}}"""));
    }

    public static TheoryData<string> OffPathLinks => new()
    {
        "{api}/v1/admin/export?after=add_2",
        "{api}/admin?after=add_2",
        "{api}/v1/customers/ctm_2/addresses?after=add_2",
        "{api}/v1/customers/ctm_1/addresses/../../ctm_2/addresses?after=add_2",
        "../../ctm_2/addresses?after=add_2",
        "/v1/customers/ctm_1/addresses/add_2?after=add_2",
        "{api}/v1/customers/ctm_1/addresses%2F..%2F..%2Fctm_2?after=add_2",
    };

    [Theory]
    [MemberData(nameof(OffPathLinks))]
    public async Task A_link_off_the_lists_path_is_not_followed_and_no_other_list_is_read(string template)
    {
        Pages(template.Replace("{api}", _api.Url, StringComparison.Ordinal));
        using CustomerAddressesClient client = TestClients.Create(new Uri(_api.Url + "/v1/"), o => o.ApiKey = Chaos.ApiKey);

        List<Address> all = await client.Addresses.ListAsync(CustomerId.Parse("ctm_1")).ToListAsync();

        Assert.Equal(["add_1", "add_2", "add_3"], all.Select(a => a.Id.Value));
        Assert.All(all, a => Assert.Equal("ctm_1", a.CustomerId.Value));
        Assert.All(_api.LogEntries, e => Assert.Equal(Path, e.RequestMessage!.Path));
    }

    [Fact]
    public async Task A_relative_link_is_resolved_against_the_list_and_followed()
    {
        Pages("?after=add_2&marker=relative");
        using CustomerAddressesClient client = TestClients.Create(new Uri(_api.Url + "/v1/"), o => o.ApiKey = Chaos.ApiKey);

        List<Address> all = await client.Addresses.ListAsync(CustomerId.Parse("ctm_1")).ToListAsync();

        Assert.Equal(["add_1", "add_2", "add_3"], all.Select(a => a.Id.Value));
        Assert.Equal("relative", _api.LogEntries.Last().RequestMessage!.Query!["marker"].Single());
    }
}
