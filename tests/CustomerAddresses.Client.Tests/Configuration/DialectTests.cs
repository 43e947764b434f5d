using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerAddresses.Client.Tests.Configuration;

/// <summary>How a client picks its wire format, and the start-up check of a Paddle key against its environment.</summary>
public sealed class DialectTests
{
    private static ApiDialect DialectOf(string baseAddress, ApiDialect? chosen = null) =>
        ClientSettings.From(new CustomerAddressesClientOptions { BaseAddress = new Uri(baseAddress), Dialect = chosen }).Dialect.Kind;

    [Theory]
    [InlineData("https://api.paddle.com/", ApiDialect.PaddleBilling)]
    [InlineData("https://sandbox-api.paddle.com/", ApiDialect.PaddleBilling)]
    [InlineData("https://API.PADDLE.COM", ApiDialect.PaddleBilling)]
    [InlineData("https://api.example.com/api/v1/", ApiDialect.CustomersApiV1)]
    [InlineData("http://127.0.0.1:5080/", ApiDialect.CustomersApiV1)]
    [InlineData("https://paddle.com.example.net/", ApiDialect.CustomersApiV1)]
    public void Follows_the_host_unless_told(string baseAddress, ApiDialect expected)
    {
        Assert.Equal(expected, DialectOf(baseAddress));
        ApiDialect other = expected == ApiDialect.PaddleBilling ? ApiDialect.CustomersApiV1 : ApiDialect.PaddleBilling;
        Assert.Equal(other, DialectOf(baseAddress, other));
    }

    [Theory]
    [InlineData(ApiDialect.PaddleBilling)]
    [InlineData(ApiDialect.CustomersApiV1)]
    public async Task The_dialects_facts_say_whether_businesses_and_payment_methods_are_there_as_the_clients_do(ApiDialect dialect)
    {
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = new Uri("http://127.0.0.1:9/"), Dialect = dialect, Retry = { MaxRetries = 0 } });
        var customer = CustomerId.Parse("ctm_01h8441jn5pcwrfhwh78jqt8hk");

        Exception? businesses = await Record.ExceptionAsync(() => client.Businesses.GetAsync(customer, BusinessId.Parse("biz_01hv8hkr641vmpwytx38znv56k")));
        Exception? paymentMethods = await Record.ExceptionAsync(() => client.PaymentMethods.GetAsync(customer, PaymentMethodId.Parse("paymtd_01hs8zx6x377xfsfrt2bqsevbw")));

        Assert.Equal(!client.Dialect.HasBusinesses, businesses is NotSupportedException);
        Assert.Equal(!client.Dialect.HasPaymentMethods, paymentMethods is NotSupportedException);
        Assert.Equal(dialect == ApiDialect.PaddleBilling, client.Dialect.HasBusinesses);
    }

    [Fact]
    public void Names_Paddles_environments()
    {
        Assert.Equal(new Uri("https://api.paddle.com/"), PaddleEnvironment.Live);
        Assert.Equal(new Uri("https://sandbox-api.paddle.com/"), PaddleEnvironment.Sandbox);
        Assert.Equal(ApiDialect.PaddleBilling, DialectOf(PaddleEnvironment.Sandbox.AbsoluteUri));
    }

    [Theory]
    [InlineData("https://api.paddle.com/", "pdl_sdbx_apikey_01hsecret", "sandbox key")]
    [InlineData("https://sandbox-api.paddle.com/", "pdl_live_apikey_01hsecret", "live key")]
    public void A_key_pointed_at_the_other_environment_fails_at_start_up_without_quoting_it(string baseAddress, string key, string expected)
    {
        var options = new CustomerAddressesClientOptions { BaseAddress = new Uri(baseAddress), ApiKey = key };

        var e = Assert.Throws<ArgumentException>(() => new CustomerAddressesClient(options));
        var services = new ServiceCollection();
        services.AddCustomerAddressesClient(o => (o.BaseAddress, o.ApiKey) = (options.BaseAddress, options.ApiKey));
        using ServiceProvider provider = services.BuildServiceProvider();
        var validation = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CustomerAddressesClientOptions>>().Value);

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, validation.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, validation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://api.paddle.com/", "pdl_live_apikey_01hsecret")]
    [InlineData("https://sandbox-api.paddle.com/", "pdl_sdbx_apikey_01hsecret")]
    [InlineData("https://api.example.com/", "pdl_sdbx_apikey_01hsecret")]
    public async Task A_key_in_its_own_environment_is_accepted_and_sent(string baseAddress, string key)
    {
        var server = new StubHandler((_, _) => StubHandler.Status(200, "{\"data\":{\"id\":\"ctm_1\"}}"));
        using CustomerAddressesClient client = TestClients.Create(new Uri(baseAddress), server, o => o.ApiKey = key);

        await client.Customers.GetAsync(CustomerId.Parse("ctm_1"));

        Assert.Equal("Bearer " + key, Assert.Single(server.Attempts).Request.Headers.Authorization!.ToString());
    }

    [Theory]
    [InlineData("PaddleBilling", ApiDialect.PaddleBilling)]
    [InlineData("customersapiv1", ApiDialect.CustomersApiV1)]
    public void Is_read_from_configuration(string value, ApiDialect expected)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CustomerAddresses:BaseAddress"] = "https://api.example.com/",
            ["CustomerAddresses:Dialect"] = value,
        }).Build();
        var services = new ServiceCollection();
        services.AddCustomerAddressesClient(configuration.GetSection("CustomerAddresses"));
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Equal(expected, provider.GetRequiredService<IOptions<CustomerAddressesClientOptions>>().Value.Dialect);
    }

    [Theory]
    [InlineData("Paddle")]
    [InlineData("2")]
    public void A_dialect_in_configuration_that_is_not_one_is_named_in_the_error(string value)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CustomerAddresses:BaseAddress"] = "https://api.example.com/",
            ["CustomerAddresses:Dialect"] = value,
        }).Build();
        var services = new ServiceCollection();
        services.AddCustomerAddressesClient(configuration.GetSection("CustomerAddresses"));
        using ServiceProvider provider = services.BuildServiceProvider();

        var e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<CustomerAddressesClientOptions>>().Value);
        Assert.Contains("CustomerAddresses:Dialect", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_dialect_value_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = new Uri("https://api.example.com/"), Dialect = (ApiDialect)7 }));

        Assert.Contains("Dialect must be", e.Message, StringComparison.Ordinal);
    }
}
