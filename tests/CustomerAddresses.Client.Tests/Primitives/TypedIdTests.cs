using System.Text.Json.Nodes;
using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.Primitives;

public sealed class TypedIdTests : FakeApiTests
{
    /// <summary>Values that would leave their URL path segment, or name none.</summary>
    public static TheoryData<string> PathEscapingValues => [".", "..", "a/b", "a\\b", "%2e", "%2e%2e", "a?b", "a#b", "a b", " ", "\t", ""];

    [Theory]
    [InlineData("ctm_01grnn4zta5a1mf02jjze7y2ys")]
    [InlineData("ctm_01hv6y1jedq4p1n0yqn5ba3ky4")]
    [InlineData("cus_01h1w8r7s2v4l5m6n7p8j9k0q2")]
    [InlineData("cus_01h3vjs3b16yc3f9q8q9pfrb80")]
    public void Customer_ids_from_the_seeds_round_trip(string raw)
    {
        CustomerId id = CustomerId.Parse(raw);

        Assert.Equal(raw, id.Value);
        Assert.Equal(raw, id.ToString());
        Assert.Equal(id, CustomerId.Parse(id.ToString()));
        Assert.True(CustomerId.TryParse(raw, out CustomerId again));
        Assert.Equal(id, again);
    }

    [Theory]
    [InlineData("add_01h1x0z5y4c1v2f5k6p3j9n8m7")]
    [InlineData("add_01h2y1z6b5d7e8f9g0h1i2j3k4")]
    [InlineData("add_01hv8h6jj90jjz0d71m6hj4r9z")]
    [InlineData("add_01gm302t81w94gyjpjpqypkzkf")]
    public void Address_ids_from_the_seeds_round_trip(string raw)
    {
        Assert.Equal(raw, AddressId.Parse(raw).Value);
    }

    [Fact]
    public void Billing_and_organization_ids_round_trip()
    {
        Assert.Equal("billing_123456789", BillingAddressId.Parse("billing_123456789").ToString());
        Assert.Equal("org_2aBcD3", OrganizationId.Parse("org_2aBcD3").Value);
        Assert.Equal("12345", OrganizationId.Parse("12345").Value);
    }

    [Theory]
    [InlineData("card_01h3vjs3b16yc3f9q8q9pfrb79")]
    [InlineData("ctm_")]
    [InlineData("add_../x")]
    [InlineData(null)]
    [InlineData("")]
    public void No_prefixed_id_type_takes_anything_else(string? raw)
    {
        Assert.False(CustomerId.TryParse(raw, out _));
        Assert.False(AddressId.TryParse(raw, out _));
        Assert.False(BillingAddressId.TryParse(raw, out _));
    }

    [Theory]
    [InlineData("add_01h1x0z5y4c1v2f5k6p3j9n8m7")] // wrong prefix
    [InlineData("ctm_")]                            // nothing after the prefix
    [InlineData("CTM_01abc")]                       // prefixes are lower-case
    [InlineData("ctm_01.abc")]
    [InlineData("ctm_..")]
    [InlineData("ctm_a/b")]
    [InlineData("ctm_a\\b")]
    [InlineData("ctm_a?b")]
    [InlineData("ctm_a#b")]
    [InlineData("ctm_%2e%2e")]
    [InlineData("ctm_a b")]
    [InlineData("ctm_a\tb")]
    [InlineData("ctm_a\nb")]
    [InlineData(" ctm_ab")]
    [InlineData("")]
    public void Invalid_customer_ids_are_refused_with_an_ArgumentException(string raw)
    {
        var error = Assert.Throws<ArgumentException>(() => CustomerId.Parse(raw));

        Assert.Equal("value", error.ParamName);
        Assert.Contains("customer id", error.Message, StringComparison.Ordinal);
        Assert.False(CustomerId.TryParse(raw, out CustomerId result));
        Assert.Equal(default, result);
    }

    [Theory]
    [MemberData(nameof(PathEscapingValues))]
    public void Path_escaping_organization_ids_are_refused(string raw)
    {
        Assert.Throws<ArgumentException>(() => OrganizationId.Parse(raw));
        Assert.False(OrganizationId.TryParse(raw, out _));
    }

    [Fact]
    public void A_null_id_is_an_ArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => CustomerId.Parse(null!));

    [Fact]
    public void An_overlong_id_is_refused() =>
        Assert.Throws<ArgumentException>(() => AddressId.Parse("add_" + new string('a', 300)));

    [Fact]
    public async Task Default_ids_are_refused_by_every_method_before_any_request()
    {
        var client = Api.Client();
        var address = new CreateAddressRequest { Region = "CA", City = "SF", Country = "US" };
        var billing = new AddBillingAddressRequest { Name = "n", Company = "c", AddressLine1 = "a", City = "c", State = "s", PostalCode = "p", Country = "US" };

        Assert.Equal("customerId", (await Assert.ThrowsAsync<ArgumentException>(() => client.Addresses.CreateAsync(default, address))).ParamName);
        Assert.Equal("customerId", Assert.Throws<ArgumentException>(() => client.Addresses.ListAsync(default)).ParamName);
        Assert.Equal("customerId", Assert.Throws<ArgumentException>(() => client.Addresses.ListAsync(default).AsPages()).ParamName);
        Assert.Equal("organizationId", (await Assert.ThrowsAsync<ArgumentException>(() => client.BillingAddresses.AddAsync(default, billing))).ParamName);
        Assert.Empty(Api.Requests);
    }

    [Fact]
    public void Ids_serialize_as_plain_strings()
    {
        var model = new Address { Id = AddressId.Parse("add_1"), CustomerId = CustomerId.Parse("ctm_1") };

        JsonNode json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(model, CustomerAddresses.Client.Addresses.AddressesJsonContext.Default.Address))!;

        Assert.Equal("add_1", (string?)json["id"]);
        Assert.Equal("ctm_1", (string?)json["customer_id"]);
        Assert.False(json.AsObject().ContainsKey("country_code"));
    }

    [Theory]
    [MemberData(nameof(PathEscapingValues))]
    public async Task A_path_escaping_id_never_reaches_the_server(string raw)
    {
        var client = Api.Client();
        var address = new CreateAddressRequest { Region = "CA", City = "SF", Country = "US" };
        var billing = new AddBillingAddressRequest { Name = "n", Company = "c", AddressLine1 = "a", City = "c", State = "s", PostalCode = "p", Country = "US" };

        await Assert.ThrowsAsync<ArgumentException>(() => client.Addresses.CreateAsync(CustomerId.Parse("ctm_" + raw), address));
        await Assert.ThrowsAsync<ArgumentException>(async () => await client.Addresses.ListAsync(CustomerId.Parse("cus_" + raw)).ToListAsync());
        await Assert.ThrowsAsync<ArgumentException>(() => client.BillingAddresses.AddAsync(OrganizationId.Parse(raw), billing));
        Assert.Throws<ArgumentException>(() => new ListAddressesOptions { Ids = [AddressId.Parse("add_" + raw)] });

        Assert.Empty(Api.Requests);
    }

    [Theory]
    [InlineData("7318049210374193152")]
    [InlineData("1")]
    public void A_snowflake_is_a_billing_address_id_and_an_organization_id(string raw)
    {
        Assert.Equal(raw, BillingAddressId.Parse(raw).Value);
        Assert.Equal(raw, OrganizationId.Parse(raw).Value);
        Assert.False(BillingAddressId.TryParse(raw + "x", out _));
        Assert.False(BillingAddressId.TryParse(new string('9', 21), out _)); // longer than a 64-bit number
    }

    [Fact]
    public async Task An_id_the_server_issued_in_an_undocumented_shape_never_fails_a_call_that_succeeded()
    {
        Api.Reply("POST", "/customers", 201, """{"id":"customer-42","name":"A","email":"a@b.c"}""");
        Api.Reply("POST", "/customers/customer-42/addresses", 201, """{"id":"ADDR_9","customer_id":"customer-42","country_code":"US"}""");
        CustomerAddressesClient client = Api.Client();

        Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Name = "A", Email = "a@b.c" });
        Address address = await client.Addresses.CreateAsync(customer.Id, new CreateAddressRequest { Region = "R", City = "C", Country = "US" });

        Assert.Equal("customer-42", customer.Id.Value);
        Assert.Equal("ADDR_9", address.Id.Value);
        Assert.False(CustomerId.TryParse("customer-42", out _)); // a caller's own string still needs the documented prefix
    }

    [Theory]
    [InlineData("../admin")]
    [InlineData("ctm_1/x")]
    [InlineData("ctm 1")]
    [InlineData("")]
    public async Task An_id_from_the_server_that_is_not_path_safe_is_an_unexpected_response(string raw)
    {
        Api.Reply("POST", "/customers", 201, $$"""{"id":"{{raw}}","name":"A","email":"a@b.c"}""");

        await Assert.ThrowsAsync<UnexpectedResponseException>(() => Api.Client().Customers.CreateAsync(new CreateCustomerRequest { Name = "A", Email = "a@b.c" }));
    }
}
