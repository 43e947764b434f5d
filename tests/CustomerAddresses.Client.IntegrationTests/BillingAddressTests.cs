using System.Collections.Concurrent;
using System.Net;
using System.Text;
using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Testing;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>Billing addresses against the emulator answering as Wacht's server does: snowflake ids, 200 with errors null, rotating sessions.</summary>
public sealed class BillingAddressTests
{
    private const string Session = "sess_first";

    private static readonly AddBillingAddressRequest s_request = new()
    {
        Name = "HQ", Company = "Acme", AddressLine1 = "1 Road", City = "LA", State = "CA", PostalCode = "90210", Country = "US",
    };

    private static Task<CustomerAddressesEmulator> Start(int rotateEvery = 0, bool development = false, IList<string>? organizations = null) =>
        CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions
        {
            SessionToken = Session,
            RotateSessionEvery = rotateEvery,
            DevelopmentSessions = development,
            Organizations = organizations,
        });

    private static CustomerAddressesClient Client(CustomerAddressesEmulator emulator, ConcurrentQueue<string>? rotations = null) =>
        TestClients.Create(emulator.BaseAddress, o =>
        {
            o.SessionToken = Session;
            o.SessionTokenRotated = rotations is null ? null : rotations.Enqueue;
        });

    [Fact]
    public async Task Add_list_replace_and_delete_on_an_organization_with_a_snowflake_id()
    {
        await using CustomerAddressesEmulator emulator = await Start(organizations: []);
        using CustomerAddressesClient client = Client(emulator);
        var organization = OrganizationId.Parse(emulator.CreateOrganization());

        BillingAddress added = await client.BillingAddresses.AddAsync(organization, s_request);
        BillingAddress replaced = await client.BillingAddresses.ReplaceAsync(organization, added.Id, new ReplaceBillingAddressRequest
        {
            Address = "2 Avenue", City = "San Diego", State = "CA", PostalCode = "92101", Country = "US",
        });
        List<BillingAddress> listed = await client.BillingAddresses.ListAsync(organization).ToListAsync();
        await client.BillingAddresses.DeleteAsync(organization, added.Id);
        await client.BillingAddresses.DeleteAsync(organization, added.Id); // already gone: still a success
        List<BillingAddress> afterDelete = await client.BillingAddresses.ListAsync(organization).ToListAsync();

        Assert.Matches("^[0-9]{15,20}$", organization.Value);
        Assert.Matches("^[0-9]{15,20}$", added.Id.Value);
        Assert.Equal(added.Id, replaced.Id);
        Assert.Equal(("2 Avenue", "San Diego", "92101"), (replaced.AddressLine1, replaced.City, replaced.PostalCode));
        Assert.Equal(replaced.AddressLine1, Assert.Single(listed).AddressLine1);
        Assert.Empty(afterDelete);
    }

    [Fact]
    public async Task A_non_member_or_unknown_organization_is_permission_denied()
    {
        await using CustomerAddressesEmulator emulator = await Start(organizations: ["7318049210374193152"]);
        using CustomerAddressesClient client = Client(emulator);

        var e = await Assert.ThrowsAsync<PermissionDeniedException>(() => client.BillingAddresses.AddAsync(OrganizationId.Parse("7318049210374193153"), s_request));

        Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
        Assert.Equal("Insufficient permissions", e.Detail);
        BillingAddress added = await client.BillingAddresses.AddAsync(OrganizationId.Parse("7318049210374193152"), s_request); // a member's own is added
        Assert.Equal((s_request.Name, s_request.Company, s_request.City), (added.Name, added.Company, added.City));
        Assert.Equal(added.Id, Assert.Single(await client.BillingAddresses.ListAsync(OrganizationId.Parse("7318049210374193152")).ToListAsync()).Id);
    }

    [Fact]
    public async Task The_emulator_validates_a_body_before_it_checks_the_sign_in()
    {
        await using CustomerAddressesEmulator emulator = await Start();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        using HttpResponseMessage invalid = await http.PostAsync("organizations/1/billing-addresses", new StringContent("{}", Encoding.UTF8, "application/json"));
        using HttpResponseMessage anonymous = await http.PostAsync("organizations/1/billing-addresses", new StringContent(
            """{"name":"n","company":"c","address_line_1":"a","city":"c","state":"s","postal_code":"p","country":"US"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("REQUIRED_FIELD", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_client_keeps_working_across_session_rotations_and_hands_each_token_over(bool development)
    {
        await using CustomerAddressesEmulator emulator = await Start(rotateEvery: 3, development: development);
        var rotations = new ConcurrentQueue<string>();
        using CustomerAddressesClient client = Client(emulator, rotations);
        using CustomerAddressesClient stale = TestClients.Create(emulator.BaseAddress, o => o.SessionToken = Session); // a second client with its own settings
        var organization = OrganizationId.Parse(emulator.CreateOrganization());

        for (int i = 0; i < 10; i++)
        {
            await client.BillingAddresses.AddAsync(organization, s_request);
            Assert.Equal(i + 1, await client.BillingAddresses.ListAsync(organization).CountAsync());
        }

        Assert.True(emulator.SessionRotations >= 3, $"{emulator.SessionRotations} rotations"); // more than the emulator's grace of two
        Assert.Equal(emulator.SessionRotations, rotations.Count);
        Assert.Equal(emulator.SessionToken, rotations.Last());
        // The stale client still holds the first token, two rotations old: the server refuses it.
        await Assert.ThrowsAsync<AuthenticationFailedException>(async () => await stale.BillingAddresses.ListAsync(organization).ToListAsync());
    }

    [Fact]
    public async Task Twenty_concurrent_callers_keep_working_across_rotations()
    {
        await using CustomerAddressesEmulator emulator = await Start(rotateEvery: 50);
        using CustomerAddressesClient client = Client(emulator);
        var organization = OrganizationId.Parse(emulator.CreateOrganization());

        await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            for (int i = 0; i < 10; i++)
            {
                await client.BillingAddresses.AddAsync(organization, s_request);
            }
        }));

        Assert.Equal(200, await client.BillingAddresses.ListAsync(organization).CountAsync());
        Assert.True(emulator.SessionRotations >= 4, $"{emulator.SessionRotations} rotations");
    }
}
