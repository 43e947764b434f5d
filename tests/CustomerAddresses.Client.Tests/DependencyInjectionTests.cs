using CustomerAddresses.Client.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace CustomerAddresses.Client.Tests;

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

        Customer customer = await provider.GetRequiredService<CustomerAddressesClient>().Customers.CreateAsync(new CreateCustomerRequest { Name = "A", Email = "a@b.c" });

        Assert.Equal("cus_01h3vjs3b16yc3f9q8q9pfrb80", customer.Id.Value);
        var entry = Assert.Single(Api.Requests);
        Assert.Equal("/api/v1/customers", entry.RequestMessage!.Path);
        Assert.Equal("Bearer " + FakeApi.ApiKey, RequestAssert.Header(entry, "Authorization"));

        // Each resource client the container hands out is the registered client's own: one client, one pipeline, one
        // session and one rate limit for the container, however often and wherever it is resolved.
        CustomerAddressesClient client = provider.GetRequiredService<CustomerAddressesClient>();
        using (IServiceScope scope = provider.CreateScope())
        {
            Assert.Same(client, scope.ServiceProvider.GetRequiredService<CustomerAddressesClient>());
        }

        Assert.Same(client.Customers, provider.GetRequiredService<CustomersClient>());
        Assert.Same(client.Addresses, provider.GetRequiredService<AddressesClient>());
        Assert.Same(client.BillingAddresses, provider.GetRequiredService<BillingAddressesClient>());
        Assert.Same(client.Events, provider.GetRequiredService<EventsClient>());
    }

    [Fact]
    public async Task Under_dependency_injection_no_log_line_holds_a_url_or_an_id()
    {
        Api.Reply("GET", "/api/v1/customers/cus_01h3vjs3b16yc3f9q8q9pfrb80", 200, Fixture.Text("003-create-customer.response.json"));
        var logs = new FakeLogCollector();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        services.AddCustomerAddressesClient(o =>
        {
            o.BaseAddress = new Uri(Api.Url + "/api/v1");
            o.ApiKey = FakeApi.ApiKey;
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<CustomersClient>().GetAsync(CustomerId.Parse("cus_01h3vjs3b16yc3f9q8q9pfrb80"));

        IReadOnlyList<FakeLogRecord> records = logs.GetSnapshot();
        Assert.Contains(records, r => r.Category == "CustomerAddresses.Client" && r.Message.Contains("GET customers/{customer_id}", StringComparison.Ordinal));
        Assert.All(records, r =>
        {
            Assert.DoesNotContain(Api.Url, r.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("cus_01h3vjs3b16yc3f9q8q9pfrb80", r.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeApi.ApiKey, r.Message, StringComparison.Ordinal);
        });
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

        BillingAddress billing = await provider.GetRequiredService<BillingAddressesClient>().AddAsync(Ids.Organization, new AddBillingAddressRequest
        {
            Name = "n", Company = "c", AddressLine1 = "a", City = "c", State = "s", PostalCode = "p", Country = "US",
        });

        Assert.Equal("billing_123456789", billing.Id.Value);
        Assert.Equal(FakeApi.SessionToken, Assert.Single(Api.Requests).RequestMessage!.Cookies!["__session"]);
    }

    [Fact]
    public void Retry_and_timeout_settings_are_read_from_configuration()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CustomerAddresses:BaseAddress"] = "https://api.example.com/",
            ["CustomerAddresses:Retry:MaxRetries"] = "5",
            ["CustomerAddresses:Retry:BaseDelay"] = "00:00:00.250",
            ["CustomerAddresses:Retry:MaxDelay"] = "00:00:20",
            ["CustomerAddresses:Retry:MaxRetryAfter"] = "00:02:00",
            ["CustomerAddresses:Retry:RetryUnsafeRequests"] = "true",
            ["CustomerAddresses:Timeouts:Attempt"] = "00:00:05",
            ["CustomerAddresses:Timeouts:Total"] = "00:00:45",
            ["CustomerAddresses:AllowInsecureHttp"] = "false",
            ["CustomerAddresses:RateLimit:RequestsPerMinute"] = "240",
        }).Build();
        var services = new ServiceCollection();
        services.AddCustomerAddressesClient(configuration.GetSection("CustomerAddresses"));
        using ServiceProvider provider = services.BuildServiceProvider();

        CustomerAddressesClientOptions options = provider.GetRequiredService<IOptions<CustomerAddressesClientOptions>>().Value;

        Assert.Equal(5, options.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Retry.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Retry.MaxRetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeouts.Attempt);
        Assert.Equal(TimeSpan.FromSeconds(45), options.Timeouts.Total);
        Assert.True(options.Retry.RetryUnsafeRequests);
        Assert.Equal(240, options.RateLimit.RequestsPerMinute);
    }

    [Theory]
    [InlineData("Retry:MaxRetries", "three")]
    [InlineData("Timeouts:Attempt", "soon")]
    [InlineData("Retry:RetryUnsafeRequests", "maybe")]
    [InlineData("BaseAddress", "not a url")]
    [InlineData("AllowInsecureHttp", "perhaps")]
    public void An_unreadable_configuration_value_is_named_in_the_error(string key, string value)
    {
        InvalidOperationException error = ConfigurationError(key, value);

        Assert.Contains("CustomerAddresses:" + key, error.Message, StringComparison.Ordinal);
    }

    private static InvalidOperationException ConfigurationError(string key, string value)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CustomerAddresses:BaseAddress"] = "https://api.example.com/",
            ["CustomerAddresses:" + key] = value,
        }).Build();
        var services = new ServiceCollection();
        services.AddCustomerAddressesClient(configuration.GetSection("CustomerAddresses"));
        using ServiceProvider provider = services.BuildServiceProvider();

        return Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<CustomerAddressesClientOptions>>().Value);
    }

    [Theory]
    [InlineData("MaxRetries", "Retry:MaxRetries")]
    [InlineData("BaseDelay", "Retry:BaseDelay")]
    [InlineData("RetryUnsafeRequests", "Retry:RetryUnsafeRequests")]
    [InlineData("AttemptTimeout", "Timeouts:Attempt")]
    [InlineData("TotalTimeout", "Timeouts:Total")]
    [InlineData("RequestsPerMinute", "RateLimit:RequestsPerMinute")]
    public void A_key_of_an_earlier_layout_says_where_it_moved(string key, string moved)
    {
        InvalidOperationException error = ConfigurationError(key, "5");

        Assert.Contains($"'CustomerAddresses:{key}' moved to 'CustomerAddresses:{moved}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ApiKeys")]
    [InlineData("Retry:MaxRetry")]
    [InlineData("Timeouts:Attempts")]
    [InlineData("RateLimit:PerMinute")]
    public void A_key_the_options_do_not_have_is_an_error_naming_it_not_a_setting_ignored(string key)
    {
        InvalidOperationException error = ConfigurationError(key, "x");

        Assert.Contains($"'{key.Split(':')[^1]}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LoggerFactory")]
    [InlineData("TimeProvider")]
    [InlineData("SessionTokenRotated")]
    public void A_key_of_an_option_set_in_code_only_says_so(string key)
    {
        InvalidOperationException error = ConfigurationError(key, "x");

        Assert.Contains($"'CustomerAddresses:{key}' cannot be set from configuration: set CustomerAddressesClientOptions.{key} in code", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Limiter")]
    [InlineData("limiterfactory")]
    public void A_rate_limiter_key_says_it_is_set_in_code(string key)
    {
        InvalidOperationException error = ConfigurationError("RateLimit:" + key, "x");

        Assert.Contains($"'CustomerAddresses:RateLimit:{key}' cannot be set from configuration: set CustomerAddressesRateLimitOptions.", error.Message, StringComparison.Ordinal);
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

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<CustomerAddressesClient>());

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

        await provider.GetRequiredService<CustomersClient>().CreateAsync(new CreateCustomerRequest { Name = "A", Email = "a@b.c" });

        Assert.Equal(["POST /customers"], seen);
    }

    [Fact]
    public async Task The_registered_client_retries_through_the_same_pipeline_on_the_configured_clock()
    {
        Api.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/addresses").UsingGet())
            .InScenario("flaky").WillSetStateTo("up")
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(503).WithHeader("Retry-After", "4"));
        Api.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/addresses").UsingGet())
            .InScenario("flaky").WhenStateIs("up")
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBody(ListBodies.Cursor([1], false, null)));
        var clock = new TestClock();
        var services = new ServiceCollection();
        services.AddCustomerAddressesClient(o =>
        {
            o.BaseAddress = new Uri(Api.Url);
            o.TimeProvider = clock;
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        List<Address> addresses = await clock.RunAsync(
            provider.GetRequiredService<AddressesClient>().ListAsync(Ids.PaddleCustomer).ToListAsync().AsTask(),
            due => due == TimeSpan.FromSeconds(4));

        Assert.Single(addresses);
        Assert.Equal(2, Api.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(4)], clock.Advanced);
    }

    [Fact]
    public async Task The_retry_pipeline_can_be_removed_through_the_returned_builder()
    {
        Api.Reply("GET", "/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/addresses", 503, "{}");
        var services = new ServiceCollection();
#pragma warning disable EXTEXP0001 // experimental in Microsoft.Extensions.Http.Resilience; the README says so
        services.AddCustomerAddressesClient(o => o.BaseAddress = new Uri(Api.Url)).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        await using ServiceProvider provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<ServerErrorException>(
            async () => await provider.GetRequiredService<AddressesClient>().ListAsync(Ids.PaddleCustomer).ToListAsync());

        Assert.Single(Api.Requests);
    }

    private sealed class RecordingHandler(List<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task Registering_twice_configures_one_client_with_one_pipeline()
    {
        Api.Reply("GET", "/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/addresses", 503, "{}");
        var services = new ServiceCollection();
        services.AddCustomerAddressesClient(o =>
        {
            o.BaseAddress = new Uri("https://unused.example.com/");
            o.Retry.MaxRetries = 5;
        });
        services.AddCustomerAddressesClient(o =>
        {
            o.BaseAddress = new Uri(Api.Url);
            o.Retry.MaxRetries = 2;
            o.Retry.BaseDelay = TimeSpan.Zero;
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<ServerErrorException>(async () =>
            await provider.GetRequiredService<AddressesClient>().ListAsync(Ids.PaddleCustomer).ToListAsync());

        Assert.Equal(3, Api.Requests.Count); // MaxRetries = 2 from the later call, through one pipeline: not 9
        Assert.Single(Api.Requests.Select(r => RequestAssert.Header(r, "X-Client-Request-Id")).Distinct());
        Assert.Single(services, d => d.ServiceType == typeof(CustomerAddressesClient));
    }

    [Fact]
    public async Task Registering_from_code_then_configuration_layers_the_settings()
    {
        Api.Reply("POST", "/customers", 201, Fixture.Text("003-create-customer.response.json"));
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CustomerAddresses:ApiKey"] = FakeApi.ApiKey,
        }).Build();
        var services = new ServiceCollection();
        services.AddCustomerAddressesClient(o => o.BaseAddress = new Uri(Api.Url));
        services.AddCustomerAddressesClient(configuration.GetSection("CustomerAddresses"));
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<CustomersClient>().CreateAsync(new CreateCustomerRequest { Name = "A", Email = "a@b.c" });

        var entry = Assert.Single(Api.Requests);
        Assert.Equal("Bearer " + FakeApi.ApiKey, RequestAssert.Header(entry, "Authorization"));
        Assert.Single(RequestAssert.Header(entry, "User-Agent")!.Split(' '), p => p.StartsWith("CustomerAddresses.Client/", StringComparison.Ordinal));
    }
}
