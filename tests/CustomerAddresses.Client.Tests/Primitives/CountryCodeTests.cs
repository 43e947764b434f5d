using System.Text.Json;
using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.Primitives;

/// <summary>
/// Country codes: a request carries an ISO 3166-1 alpha-2 code that ISO assigns to a country (or XK, which Paddle uses),
/// and anything else is a clear error before any request; a response keeps whatever the server sent.
/// </summary>
public sealed class CountryCodeTests : FakeApiTests
{
    [Theory]
    [InlineData("US")]
    [InlineData("DE")]
    [InlineData("TZ")]
    [InlineData("AX")]
    [InlineData("XK")]
    [InlineData("KP")] // assigned by ISO, though Paddle does not sell there: the server says so, not the SDK
    public void Parse_takes_assigned_codes(string code)
    {
        CountryCode parsed = CountryCode.Parse(code);

        Assert.Equal(code, parsed.Value);
        Assert.True(parsed.IsIsoAlpha2);
        Assert.True(CountryCode.TryParse(code, out CountryCode tried));
        Assert.Equal(parsed, tried);
    }

    [Theory]
    [InlineData("ZZ")]
    [InlineData("AA")]
    [InlineData("UK")] // the United Kingdom is GB
    [InlineData("EU")]
    [InlineData("us")]
    [InlineData("USA")]
    [InlineData("Tanzania")]
    [InlineData("")]
    public void Parse_refuses_anything_else_with_a_message_that_says_what_is_expected(string code)
    {
        var e = Assert.Throws<ArgumentException>(() => CountryCode.Parse(code));

        Assert.Equal("value", e.ParamName);
        Assert.Contains("ISO 3166-1 alpha-2", e.Message, StringComparison.Ordinal);
        Assert.Contains("'US'", e.Message, StringComparison.Ordinal);
        Assert.False(CountryCode.TryParse(code, out CountryCode none));
        Assert.Equal(default, none);
    }

    [Fact]
    public void There_are_249_assigned_codes_and_XK()
    {
        int assigned = 0;
        for (char a = 'A'; a <= 'Z'; a++)
        {
            for (char b = 'A'; b <= 'Z'; b++)
            {
                assigned += CountryCode.TryParse($"{a}{b}", out _) ? 1 : 0;
            }
        }

        Assert.Equal(250, assigned);
    }

    [Fact]
    public async Task An_unassigned_code_in_a_request_is_refused_naming_the_member_before_any_request()
    {
        using CustomerAddressesClient client = TestClients.Create(new Uri(Api.Url), o => o.Dialect = ApiDialect.PaddleBilling);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.Addresses.CreateAsync(Ids.PaddleCustomer, new CreateAddressRequest { Country = "ZZ" }));

        Assert.Equal("request.Country", e.ParamName);
        Assert.Contains("assigns to a country", e.Message, StringComparison.Ordinal);
        Assert.Contains("'ZZ'", e.Message, StringComparison.Ordinal);
        Assert.Empty(Api.Requests);
    }

    [Fact]
    public void A_response_keeps_whatever_country_the_server_sent()
    {
        Address address = JsonSerializer.Deserialize("""{"id":"add_1","country_code":"ZZ"}""", CustomerAddresses.Client.Addresses.AddressesJsonContext.Default.Address)!;

        Assert.Equal("ZZ", address.Country!.Value.Value);
        Assert.False(address.Country.Value.IsIsoAlpha2);
    }
}
