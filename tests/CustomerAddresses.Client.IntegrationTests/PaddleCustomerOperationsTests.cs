using System.Net;
using System.Text.Json.Nodes;
using CustomerAddresses.Client.Testing;
using CustomerAddresses.Client.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>
/// Credit balances, authentication tokens and portal sessions on the emulator, through the SDK and over raw HTTP; and
/// country codes checked against the list Paddle supports.
/// </summary>
public sealed class PaddleCustomerOperationsTests
{
    private static CustomerAddressesClient PaddleClient(CustomerAddressesEmulator emulator) =>
        TestClients.Create(emulator.BaseAddress, o => o.Dialect = ApiDialect.PaddleBilling);

    private static Task<(HttpStatusCode Status, JsonObject Body)> Post(HttpClient http, string path, string? json) =>
        RawHttp.Send(http, HttpMethod.Post, path, json);

    [Fact]
    public async Task A_customer_has_no_credit_until_Paddle_credits_it_then_one_balance_per_currency()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using CustomerAddressesClient client = PaddleClient(emulator);
        Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "credit@example.com" });

        List<CustomerCreditBalance> none = await client.Customers.ListCreditBalancesAsync(customer.Id).ToListAsync();
        emulator.SetCreditBalance(customer.Id.Value, "USD", "550", "900", "1300");
        emulator.SetCreditBalance(customer.Id.Value, "EUR", "100");
        List<CustomerCreditBalance> all = await client.Customers.ListCreditBalancesAsync(customer.Id).ToListAsync();
        List<CustomerCreditBalance> usd = await client.Customers.ListCreditBalancesAsync(customer.Id, ["USD"]).ToListAsync();

        Assert.Empty(none);
        Assert.Equal(["EUR", "USD"], all.Select(b => b.CurrencyCode));
        Assert.All(all, b => Assert.Equal(customer.Id, b.CustomerId));
        Assert.Equal(new CreditBalanceTotals { Available = "550", Reserved = "900", Used = "1300" }, Assert.Single(usd).Balance);
        await Assert.ThrowsAsync<ResourceNotFoundException>(async () => await client.Customers.ListCreditBalancesAsync(CustomerId.Parse("ctm_01hv6y1jedq4p1n0yqn5ba3ky4")).ToListAsync());
        Assert.Throws<ArgumentException>(() => emulator.SetCreditBalance(customer.Id.Value, "XYZ", "1"));
    }

    [Fact]
    public async Task An_auth_token_is_made_for_a_customer_and_expires_on_the_emulators_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 5, 3, 10, 4, 12, TimeSpan.Zero));
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { TimeProvider = clock });
        using CustomerAddressesClient client = PaddleClient(emulator);
        Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "token@example.com" });

        ApiResponse<CustomerAuthToken> token = await client.Customers.GenerateAuthTokenAsync(customer.Id, requestOptions: null);
        CustomerAuthToken second = await client.Customers.GenerateAuthTokenAsync(customer.Id);

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Matches($"^pca_[0-9a-hjkmnp-tv-z]{{26}}_{customer.Id.Value[4..]}_[a-z0-9]{{32}}$", token.Value.Token);
        Assert.Equal(clock.GetUtcNow().AddMinutes(30), token.Value.ExpiresAt);
        Assert.NotEqual(token.Value.Token, second.Token);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => client.Customers.GenerateAuthTokenAsync(CustomerId.Parse("ctm_01hv6y1jedq4p1n0yqn5ba3ky4")));
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        var (status, error) = await Post(http, $"customers/{customer.Id}/auth-token", """{"customer_id":"x"}""");
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_field"), (status, (string?)error["error"]!["code"]));
        Assert.Equal(HttpStatusCode.OK, (await Post(http, $"customers/{customer.Id}/auth-token", "{}")).Status);
    }

    [Fact]
    public async Task A_portal_session_has_an_overview_link_and_links_for_each_subscription_given()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using CustomerAddressesClient client = PaddleClient(emulator);
        Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "portal@example.com" });

        CustomerPortalSession session = await client.Customers.CreatePortalSessionAsync(customer.Id, ["sub_01h04vsc0qhwtsbsxh3422wjs4", "sub_02h04vsc0qhwtsbsxh3422wjs4"]);
        CustomerPortalSession general = await client.Customers.CreatePortalSessionAsync(customer.Id);

        Assert.Matches("^cpls_[0-9a-hjkmnp-tv-z]{26}$", session.Id);
        Assert.Equal(customer.Id, session.CustomerId);
        Assert.Contains("action=overview&token=pga_", session.Urls!.General!.Overview!.Query, StringComparison.Ordinal);
        Assert.Equal(["sub_01h04vsc0qhwtsbsxh3422wjs4", "sub_02h04vsc0qhwtsbsxh3422wjs4"], session.Urls.Subscriptions!.Select(s => s.Id));
        Assert.All(session.Urls.Subscriptions!, s => Assert.Contains($"subscription_id={s.Id}", s.CancelSubscription!.Query, StringComparison.Ordinal));
        Assert.Empty(general.Urls!.Subscriptions!);
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        var (status, error) = await Post(http, $"customers/{customer.Id}/portal-sessions", """{"subscription_ids":["sub_123"]}""");
        Assert.Equal((HttpStatusCode.BadRequest, "subscription_ids"), (status, (string?)error["error"]!["errors"]![0]!["field"]));
        Assert.Equal(HttpStatusCode.NotFound, (await Post(http, "customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/portal-sessions", "{}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(http, $"api/v1/customers/{customer.Id}/auth-token", null)).Status); // Paddle only
    }

    [Fact]
    public async Task The_emulator_takes_exactly_the_ISO_codes_Paddle_supports_and_refuses_the_rest_as_Paddle_does()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using CustomerAddressesClient client = PaddleClient(emulator);
        Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "countries@example.com" });
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        var accepted = new List<string>();
        var refused = new List<string>();

        for (char a = 'A'; a <= 'Z'; a++)
        {
            for (char b = 'A'; b <= 'Z'; b++)
            {
                if (!CountryCode.TryParse($"{a}{b}", out CountryCode code))
                {
                    continue;
                }

                var (status, body) = await Post(http, $"customers/{customer.Id}/addresses", $$"""{"country_code":"{{code}}"}""");
                (status == HttpStatusCode.Created ? accepted : refused).Add(code.Value);
                Assert.True(status == HttpStatusCode.Created || (string?)body["error"]!["code"] == "invalid_field", $"{code}: {status}");
            }
        }

        var (zz, error) = await Post(http, $"customers/{customer.Id}/addresses", """{"country_code":"ZZ"}""");

        Assert.Equal(229, accepted.Count);
        Assert.Contains("XK", accepted);
        Assert.Equal(["AF", "AQ", "BY", "CD", "CF", "CU", "HT", "IR", "KP", "LY", "ML", "MM", "NI", "RU", "SD", "SO", "SS", "SY", "VE", "YE", "ZW"], refused);
        Assert.Equal((HttpStatusCode.BadRequest, "country_code"), (zz, (string?)error["error"]!["errors"]![0]!["field"]));
        var address = await client.Addresses.CreateAsync(customer.Id, new CreateAddressRequest { Country = "US" });
        await Assert.ThrowsAsync<ValidationFailedException>(() => client.Addresses.UpdateAsync(customer.Id, address.Id, new UpdateAddressRequest { Country = "RU" }));
    }
}
