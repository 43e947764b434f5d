using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary>Credentials travel only to the base address's origin: not through a foreign <c>next</c> link, not through a redirect.</summary>
public sealed class CredentialSafetyTests : IDisposable
{
    private const string Path = "/customers/ctm_1/addresses";
    private readonly WireMockServer _api = WireMockServer.Start();
    private readonly WireMockServer _elsewhere = WireMockServer.Start();

    public void Dispose()
    {
        _api.Stop();
        _elsewhere.Stop();
    }

    private CustomerAddressesClient Client() => TestClients.Create(new Uri(_api.Url!), o =>
    {
        o.ApiKey = Chaos.ApiKey;
        o.SessionToken = Chaos.SessionToken;
        o.Retry.MaxRetries = 0;
    });

    public static TheoryData<string> ForeignNextLinks => new()
    {
        "{elsewhere}/customers/ctm_1/addresses?after=add_2",                         // another port
        "{elsewhere-127}/customers/ctm_1/addresses?after=add_2",                     // another host name for loopback
        "https://localhost:{api-port}/customers/ctm_1/addresses?after=add_2",        // another scheme
    };

    [Theory]
    [MemberData(nameof(ForeignNextLinks))]
    public async Task A_next_link_to_another_origin_is_not_followed_and_gets_no_credential(string template)
    {
        string next = template
            .Replace("{elsewhere}", _elsewhere.Url, StringComparison.Ordinal)
            .Replace("{elsewhere-127}", _elsewhere.Url!.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("{api-port}", new Uri(_api.Url!).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        _api.Given(Request.Create().WithPath(Path).UsingGet()).AtPriority(10)
            .RespondWith(Response.Create().WithBody("""{"data":[{"id":"add_1"},{"id":"add_2"}],"meta":{"pagination":{"has_more":true,"next":""" + "\"" + next + "\"}}}"));
        _api.Given(Request.Create().WithPath(Path).WithParam("after", "add_2").UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithBody("""{"data":[{"id":"add_3"}],"meta":{"pagination":{"has_more":false}}}"""));
        using CustomerAddressesClient client = Client();

        List<Address> all = await client.Addresses.ListAsync(CustomerId.Parse("ctm_1")).ToListAsync();

        Assert.Equal(["add_1", "add_2", "add_3"], all.Select(a => a.Id.Value));
        Assert.Empty(_elsewhere.LogEntries);
        Assert.All(_api.LogEntries, e => Assert.Equal("Bearer " + Chaos.ApiKey, e.RequestMessage!.Headers!["Authorization"].Single()));
    }

    [Theory]
    [InlineData(301, "GET")]
    [InlineData(302, "GET")]
    [InlineData(307, "GET")]
    [InlineData(308, "GET")]
    [InlineData(301, "POST")]
    [InlineData(307, "POST")]
    public async Task A_redirect_to_another_origin_is_not_followed(int status, string method)
    {
        _api.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Location", _elsewhere.Url + "/stolen"));
        using CustomerAddressesClient client = Client();

        var error = await Assert.ThrowsAsync<CustomerAddressesApiException>(async () =>
        {
            if (method == "GET")
            {
                await client.Addresses.ListAsync(CustomerId.Parse("ctm_1")).ToListAsync();
            }
            else
            {
                await client.Customers.CreateAsync(new CreateCustomerRequest { Name = "A", Email = "a@b.c" });
            }
        });

        Assert.Equal(status, (int)error.StatusCode);
        Assert.Empty(_elsewhere.LogEntries);
        Chaos.AssertNoSecretIn([error.ToString()]);
    }
}
