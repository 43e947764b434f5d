using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.NoReflectionTests;

/// <summary>
/// Every endpoint, request and response, in a process where reflection-based System.Text.Json is switched off:
/// if any wire type were serialized by reflection, these calls would throw.
/// </summary>
public sealed class SourceGeneratedJsonTests : IAsyncLifetime
{
    private WebApplication? _server;
    private Uri? _baseAddress;
    private readonly List<string> _bodies = [];

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _server = builder.Build();
        _server.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            string requestBody = await reader.ReadToEndAsync();
            lock (_bodies)
            {
                _bodies.Add(requestBody);
            }

            (int status, string body) = (context.Request.Method, context.Request.Path.Value) switch
            {
                ("POST", "/customers") when !requestBody.Contains("x@y.z", StringComparison.Ordinal) => (201, Fixture("003-create-customer.response.json")),
                ("POST", "/customers/cus_01h1w8r7s2v4l5m6n7p8j9k0q2/addresses") => (201, Fixture("000-create-address.response.json")),
                ("GET", "/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/addresses") => (200, Fixture("002-list-addresses.response.json")),
                ("GET", "/customers/cus_01h1w8r7s2v4l5m6n7p8j9k0q2/addresses") when context.Request.Query["offset"] == "2" => (200, """{"addresses":[],"limit":2,"offset":2}"""),
                ("GET", "/customers/cus_01h1w8r7s2v4l5m6n7p8j9k0q2/addresses") => (200, Fixture("001-list-addresses-offset.response.json")),
                ("POST", "/organizations/org_1/billing-addresses") => (201, Fixture("004-add-billing-address.response.json")),
                _ => (409, """{"error":{"type":"request_error","code":"customer_already_exists","detail":"customer email conflicts with customer of id ctm_01hv6y1jedq4p1n0yqn5ba3ky4","errors":[{"field":"email","message":"taken"}]},"meta":{"request_id":"r-9"}}"""),
            };
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        });
        await _server.StartAsync();
        string address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _baseAddress = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_endpoint_works_with_reflection_based_JSON_switched_off()
    {
        Assert.False(JsonSerializer.IsReflectionEnabledByDefault);
        using var client = TestClients.Create(_baseAddress!, o => o.ApiKey = "pdl_live_apikey_01h0000000000000");

        Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest
        {
            Name = "Brighton Mboya",
            Email = "brighton@jani.com",
            Address = new CustomerPostalAddress { City = "Dar es Salaam", Country = "TZ" },
            Status = CustomerStatus.Active,
            CustomData = new JsonObject { ["loyalty_program"] = "Gold" },
        });
        Address address = await client.Addresses.CreateAsync(CustomerId.Parse("cus_01h1w8r7s2v4l5m6n7p8j9k0q2"), new CreateAddressRequest
        {
            Region = "California", City = "San Francisco", Country = "US", CustomData = new JsonObject { ["landmark"] = "x" },
        });
        List<Address> paddle = await client.Addresses.ListAsync(CustomerId.Parse("ctm_01hv6y1jedq4p1n0yqn5ba3ky4")).ToListAsync();
        List<Address> offset = await client.Addresses.ListAsync(CustomerId.Parse("cus_01h1w8r7s2v4l5m6n7p8j9k0q2")).ToListAsync();
        BillingAddress billing = await client.BillingAddresses.AddAsync(OrganizationId.Parse("org_1"), new AddBillingAddressRequest
        {
            Name = "n", Company = "c", AddressLine1 = "a", City = "c", State = "s", PostalCode = "p", Country = "US", IsDefault = true,
        });
        var conflict = await Assert.ThrowsAsync<ConflictException>(() => client.Customers.CreateAsync(new CreateCustomerRequest { Name = "x", Email = "x@y.z", Phone = "1" }));

        Assert.Equal("Gold", (string?)customer.CustomData!["loyalty_program"]);
        Assert.Equal(new DateTimeOffset(2024, 8, 1, 10, 15, 30, TimeSpan.Zero), address.CreatedAt);
        Assert.Equal(3, paddle.Count);
        Assert.Equal("US", paddle[0].Country?.Value);
        Assert.Equal(2, offset.Count);
        Assert.Equal("billing_123456789", billing.Id.Value);
        Assert.Equal("ctm_01hv6y1jedq4p1n0yqn5ba3ky4", conflict.ExistingCustomerId?.Value);
        Assert.Equal("taken", conflict.FieldErrors[0].Message);
        Assert.Contains(_bodies, b => b.Contains("\"loyalty_program\":\"Gold\"", StringComparison.Ordinal));
        Assert.Contains(_bodies, b => b.Contains("\"is_default\":true", StringComparison.Ordinal));
    }
}
