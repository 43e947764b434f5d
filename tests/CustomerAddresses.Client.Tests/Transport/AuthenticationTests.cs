using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.Transport;

public sealed class AuthenticationTests : FakeApiTests
{
    [Fact]
    public async Task Sends_the_API_key_and_the_session_cookie_on_every_request()
    {
        Api.Reply("POST", "/customers", 201, Fixture.Text("003-create-customer.response.json"));
        var client = Api.Client(sessionToken: FakeApi.SessionToken);

        await client.Customers.CreateAsync(new CreateCustomerRequest { Name = "A", Email = "a@b.c" });
        await client.Customers.CreateAsync(new CreateCustomerRequest { Name = "B", Email = "b@b.c" });

        Assert.All(Api.Requests, r =>
        {
            Assert.Equal("Bearer " + FakeApi.ApiKey, RequestAssert.Header(r, "Authorization"));
            Assert.Equal(FakeApi.SessionToken, r.RequestMessage!.Cookies!["__session"]);
            Assert.StartsWith("CustomerAddresses.Client/", RequestAssert.Header(r, "User-Agent"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Sends_no_credentials_when_none_are_set()
    {
        Api.Reply("POST", "/customers", 201, Fixture.Text("003-create-customer.response.json"));

        await Api.Client(apiKey: null).Customers.CreateAsync(new CreateCustomerRequest { Name = "A", Email = "a@b.c" });

        var entry = Assert.Single(Api.Requests);
        Assert.Null(RequestAssert.Header(entry, "Authorization"));
        Assert.Null(RequestAssert.Header(entry, "Cookie"));
    }
}
