using CustomerAddresses.Client.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerAddresses.Client.Tests.Http;

public sealed class DependencyInjectionTests : FakeApiTests
{
    [Fact]
    public async Task Registers_a_working_client_configured_in_code()
    {
        Api.Reply("POST", "/api/v1/customers", 201, Fixture.Text("003-create-customer.response.json"));
        var services = new ServiceCollection();
        services.AddCustomerAddressesClient(o =>
        {
            o.BaseAddress = new Uri(Api.Url + "/api/v1");
            o.ApiKey = FakeApi.ApiKey;
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        Customer customer = await provider.GetRequiredService<ICustomerAddressesClient>().Customers.CreateAsync(new CreateCustomerRequest { Name = "A", Email = "a@b.c" });

        Assert.Equal("cus_01h3vjs3b16yc3f9q8q9pfrb80", customer.Id.Value);
        var entry = Assert.Single(Api.Requests);
        Assert.Equal("/api/v1/customers", entry.RequestMessage!.Path);
        Assert.Equal("Bearer " + FakeApi.ApiKey, RequestAssert.Header(entry, "Authorization"));
        Assert.NotNull(provider.GetRequiredService<ICustomersClient>());
        Assert.NotNull(provider.GetRequiredService<IAddressesClient>());
        Assert.NotNull(provider.GetRequiredService<IBillingAddressesClient>());
    }

    [Fact]
    public async Task Registers_a_working_client_from_configuration()
    {
        Api.Reply("POST", "/organizations/org_2aBcD3/billing-addresses", 201, Fixture.Text("004-add-billing-address.response.json"));
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CustomerAddresses:BaseAddress"] = Api.Url,
            ["CustomerAddresses:SessionToken"] = FakeApi.SessionToken,
        }).Build();
        var services = new ServiceCollection();
        services.AddCustomerAddressesClient(configuration.GetSection("CustomerAddresses"));
        await using ServiceProvider provider = services.BuildServiceProvider();

        BillingAddress billing = await provider.GetRequiredService<IBillingAddressesClient>().AddAsync(Ids.Organization, new AddBillingAddressRequest
        {
            Name = "n", Company = "c", AddressLine1 = "a", City = "c", State = "s", PostalCode = "p", Country = "US",
        });

        Assert.Equal("billing_123456789", billing.Id.Value);
        Assert.Equal(FakeApi.SessionToken, Assert.Single(Api.Requests).RequestMessage!.Cookies!["__session"]);
    }

    [Fact]
    public async Task The_host_refuses_to_start_with_a_missing_base_address()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Services.AddCustomerAddressesClient(o => o.ApiKey = FakeApi.ApiKey);
        using IHost host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("BaseAddress is required", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeApi.ApiKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_refuses_plain_http_to_a_remote_host()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Services.AddCustomerAddressesClient(o => o.BaseAddress = new Uri("http://api.example.com/"));
        using IHost host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<CustomerAddressesClientOptions>>().Value);

        Assert.Contains("https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_address_in_configuration_that_is_not_a_URI_is_named_in_the_error()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CustomerAddresses:BaseAddress"] = "not a uri",
        }).Build();
        var services = new ServiceCollection();
        services.AddCustomerAddressesClient(configuration.GetSection("CustomerAddresses"));
        using ServiceProvider provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ICustomerAddressesClient>());

        Assert.Contains("CustomerAddresses:BaseAddress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_returned_builder_adds_handlers_to_the_client_pipeline()
    {
        Api.Reply("POST", "/customers", 201, Fixture.Text("003-create-customer.response.json"));
        var services = new ServiceCollection();
        var seen = new List<string>();
        services.AddCustomerAddressesClient(o => o.BaseAddress = new Uri(Api.Url))
            .AddHttpMessageHandler(() => new RecordingHandler(seen));
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ICustomersClient>().CreateAsync(new CreateCustomerRequest { Name = "A", Email = "a@b.c" });

        Assert.Equal(["POST /customers"], seen);
    }

    private sealed class RecordingHandler(List<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
