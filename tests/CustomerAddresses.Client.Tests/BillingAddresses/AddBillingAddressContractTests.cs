using System.Text.Json.Nodes;
using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.BillingAddresses;

/// <summary>Seed 004: <c>POST /organizations/{id}/billing-addresses</c> with the session cookie, replayed verbatim.</summary>
public sealed class AddBillingAddressContractTests : FakeApiTests
{
    private const string Path = "/organizations/org_2aBcD3/billing-addresses";
    private static AddBillingAddressRequest Request() => new()
    {
        Name = "New Office Location",
        Company = "Acme Corporation",
        AddressLine1 = "789 New Street",
        AddressLine2 = "Floor 3",
        City = "Los Angeles",
        State = "CA",
        PostalCode = "90210",
        Country = "US",
        IsDefault = false,
    };

    [Theory]
    [InlineData("/")]
    [InlineData("/frontend/")]
    public async Task Sends_every_documented_member_and_the_session_cookie(string basePath)
    {
        string path = basePath.TrimEnd('/') + Path;
        Api.Reply("POST", path, 201, Fixture.Text("004-add-billing-address.response.json"));

        await Api.Client(basePath, apiKey: null, sessionToken: FakeApi.SessionToken).BillingAddresses.AddAsync(Ids.Organization, Request());

        var entry = Assert.Single(Api.Requests);
        Assert.Equal("POST", entry.RequestMessage!.Method);
        Assert.Equal(path, entry.RequestMessage.Path);
        Assert.Equal("application/json; charset=utf-8", RequestAssert.Header(entry, "Content-Type"));
        Assert.Equal(FakeApi.SessionToken, entry.RequestMessage.Cookies!["__session"]);
        Assert.Null(RequestAssert.Header(entry, "Authorization"));

        // The seed's example request has placeholder values: the member names must match it exactly.
        JsonObject template = Fixture.Json("004-add-billing-address.request-template.json").AsObject();
        JsonObject sent = JsonNode.Parse(entry.RequestMessage.Body!)!.AsObject();
        Assert.Equal(template.Select(p => p.Key).Order(), sent.Select(p => p.Key).Order());
        Assert.Equal("789 New Street", (string?)sent["address_line_1"]);
        Assert.False((bool)sent["is_default"]!);
    }

    [Fact]
    public async Task Leaves_out_the_optional_members_when_not_set()
    {
        Api.Reply("POST", Path, 201, Fixture.Text("004-add-billing-address.response.json"));

        await Api.Client().BillingAddresses.AddAsync(Ids.Organization, Request() with { AddressLine2 = null, IsDefault = null });

        JsonObject sent = JsonNode.Parse(Assert.Single(Api.Requests).RequestMessage!.Body!)!.AsObject();
        Assert.False(sent.ContainsKey("address_line_2"));
        Assert.False(sent.ContainsKey("is_default"));
        Assert.Equal(7, sent.Count);
    }

    [Fact]
    public async Task Reads_the_billing_address_out_of_the_documented_envelope()
    {
        Api.Reply("POST", Path, 201, Fixture.Text("004-add-billing-address.response.json"));

        BillingAddress billing = await Api.Client().BillingAddresses.AddAsync(Ids.Organization, Request());

        Assert.Equal(BillingAddressId.Parse("billing_123456789"), billing.Id);
        Assert.Equal("New Office Location", billing.Name);
        Assert.Equal("Acme Corporation", billing.Company);
        Assert.Equal("789 New Street", billing.AddressLine1);
        Assert.Equal("Floor 3", billing.AddressLine2);
        Assert.Equal("Los Angeles", billing.City);
        Assert.Equal("CA", billing.State);
        Assert.Equal("90210", billing.PostalCode);
        Assert.Equal(CountryCode.UnitedStates, billing.Country);
        Assert.False(billing.IsDefault);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 19, 30, 0, TimeSpan.Zero), billing.CreatedAt);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 19, 30, 0, TimeSpan.Zero), billing.UpdatedAt);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(202)]
    public async Task Accepts_any_success_status(int status)
    {
        Api.Reply("POST", Path, status, Fixture.Text("004-add-billing-address.response.json"));

        BillingAddress billing = await Api.Client().BillingAddresses.AddAsync(Ids.Organization, Request());

        Assert.Equal("billing_123456789", billing.Id.Value);
    }

    [Fact]
    public async Task Maps_the_seed_envelope_errors()
    {
        Api.Reply("POST", Path, 403, """{"status":403,"message":"Only owners and admins can manage billing","data":null,"errors":[{"message":"insufficient role","code":"forbidden"}]}""");

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() => Api.Client().BillingAddresses.AddAsync(Ids.Organization, Request()));

        Assert.Equal("Only owners and admins can manage billing", denied.Detail);
        Assert.Equal("insufficient role", Assert.Single(denied.FieldErrors).Message);
        Assert.Equal("forbidden", denied.FieldErrors[0].Code);
    }

    [Theory]
    [InlineData("Name")]
    [InlineData("Company")]
    [InlineData("AddressLine1")]
    [InlineData("City")]
    [InlineData("State")]
    [InlineData("PostalCode")]
    public async Task Refuses_an_empty_required_member_before_sending(string member)
    {
        AddBillingAddressRequest request = member switch
        {
            "Name" => Request() with { Name = "" },
            "Company" => Request() with { Company = "" },
            "AddressLine1" => Request() with { AddressLine1 = " " },
            "City" => Request() with { City = "" },
            "State" => Request() with { State = "" },
            _ => Request() with { PostalCode = "" },
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Api.Client().BillingAddresses.AddAsync(Ids.Organization, request));

        Assert.Equal("request." + member, error.ParamName);
        Assert.Empty(Api.Requests);
    }
}
