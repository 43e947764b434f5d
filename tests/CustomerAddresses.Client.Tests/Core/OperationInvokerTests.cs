using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Tests.Support;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CustomerAddresses.Client.Tests.Core;

/// <summary>
/// The one send path: a page reached by following the server's <c>next</c> link goes out exactly like a request Refit
/// built, with the same headers, credentials, correlation id rules and retries.
/// </summary>
public sealed class OperationInvokerTests : FakeApiTests
{
    private const string Path = "/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/addresses";

    private string Next(int after) => $"{Api.Url}{Path}?after={ListBodies.AddressId(after)}&per_page=2";

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    [Fact]
    public async Task Page_three_of_a_listing_that_follows_next_links_is_sent_like_page_one()
    {
        Api.Server.Given(Request.Create().WithPath(Path).UsingGet()).AtPriority(100).RespondWith(Json(200, ListBodies.Cursor([1, 2], true, Next(2))));
        Api.Server.Given(Request.Create().WithPath(Path).WithParam("after", ListBodies.AddressId(2)).UsingGet()).AtPriority(1)
            .RespondWith(Json(200, ListBodies.Cursor([3, 4], true, Next(4))));
        // Page 3 fails once with a 503, then answers: both attempts must be the same call.
        Api.Server.Given(Request.Create().WithPath(Path).WithParam("after", ListBodies.AddressId(4)).UsingGet()).AtPriority(1)
            .InScenario("page 3").WillSetStateTo("recovered").RespondWith(Json(503, "{}"));
        Api.Server.Given(Request.Create().WithPath(Path).WithParam("after", ListBodies.AddressId(4)).UsingGet()).AtPriority(1)
            .InScenario("page 3").WhenStateIs("recovered").RespondWith(Json(200, ListBodies.Cursor([5], false, Next(5))));
        using CustomerAddressesClient client = TestClients.Create(new Uri(Api.Url), o =>
        {
            o.ApiKey = FakeApi.ApiKey;
            o.SessionToken = FakeApi.SessionToken;
            o.Retry.MaxRetries = 1;
            o.Retry.BaseDelay = TimeSpan.Zero;
        });

        List<Address> all = await client.Addresses.ListAsync(Ids.PaddleCustomer).ToListAsync();

        Assert.Equal(5, all.Count);
        IReadOnlyList<ILogEntry> requests = Api.Requests;
        Assert.Equal(4, requests.Count); // page 1, page 2, page 3 twice
        Assert.All(requests, r =>
        {
            Assert.Equal("application/json", RequestAssert.Header(r, "Accept"));
            Assert.Equal("Bearer " + FakeApi.ApiKey, RequestAssert.Header(r, "Authorization"));
            Assert.Equal(FakeApi.SessionToken, r.RequestMessage!.Cookies!["__session"]);
            Assert.Matches("^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$", RequestAssert.Header(r, "X-Client-Request-Id"));
        });
        Assert.Equal("2", RequestAssert.Query(requests[3], "per_page")); // the link was followed as given
        string?[] ids = requests.Select(r => RequestAssert.Header(r, "X-Client-Request-Id")).ToArray();
        Assert.Equal(3, ids.Distinct().Count()); // one per page
        Assert.Equal(ids[2], ids[3]); // the retry of page 3 is the same call
    }
}
