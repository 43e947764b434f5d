using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.Configuration;

public sealed class OptionsTests
{
    [Theory]
    [InlineData(null, "BaseAddress is required")]
    [InlineData("http://api.example.com/", "must use https unless it is a loopback")]
    [InlineData("ftp://api.example.com/", "must use https")]
    [InlineData("https://api.example.com/?key=1", "query string")]
    [InlineData("https://user:pw@api.example.com/", "user information")]
    public void The_constructor_refuses_invalid_base_addresses_with_a_clear_message(string? baseAddress, string expected)
    {
        var options = new CustomerAddressesClientOptions { BaseAddress = baseAddress is null ? null : new Uri(baseAddress) };

        var error = Assert.Throws<ArgumentException>(() => new CustomerAddressesClient(options));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/")]
    [InlineData("http://localhost:5080/api/v1/")]
    [InlineData("http://[::1]:5080/")]
    [InlineData("https://api.example.com")]
    public void Loopback_http_and_any_https_are_accepted(string baseAddress)
    {
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = new Uri(baseAddress) });

        Assert.NotNull(client.Addresses);
    }

    [Fact]
    public void Plain_http_elsewhere_needs_an_explicit_opt_in()
    {
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = new Uri("http://api.internal/"), AllowInsecureHttp = true });

        Assert.NotNull(client.Customers);
    }

    [Theory]
    [InlineData("key with space", null, "ApiKey")]
    [InlineData("key\r\nX-Injected: 1", null, "ApiKey")]
    [InlineData(null, "tok;en", "SessionToken")]
    [InlineData(null, "tok en", "SessionToken")]
    public void Credentials_that_would_break_a_header_are_refused_without_being_quoted(string? apiKey, string? token, string name)
    {
        var options = new CustomerAddressesClientOptions { BaseAddress = new Uri("https://api.example.com/"), ApiKey = apiKey, SessionToken = token };

        var error = Assert.Throws<ArgumentException>(() => new CustomerAddressesClient(options));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain((apiKey ?? token)!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_never_shows_the_credentials()
    {
        var options = new CustomerAddressesClientOptions { BaseAddress = new Uri("https://api.example.com/"), ApiKey = FakeApi.ApiKey, SessionToken = FakeApi.SessionToken };

        string text = options.ToString();

        Assert.DoesNotContain(FakeApi.ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeApi.SessionToken, text, StringComparison.Ordinal);
        Assert.Contains("ApiKey = (set)", text, StringComparison.Ordinal);
        Assert.Contains("https://api.example.com/", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_the_options_after_construction_does_not_change_the_client()
    {
        using var api = new FakeApi();
        var options = new CustomerAddressesClientOptions { BaseAddress = new Uri(api.Url) };
        using var client = new CustomerAddressesClient(options);

        options.BaseAddress = null;

        Assert.NotNull(client.Customers);
    }

    public static TheoryData<Action<CustomerAddressesClientOptions>, string> InvalidResilienceSettings => new()
    {
        { o => o.MaxRetries = -1, "MaxRetries must be from 0 to 10" },
        { o => o.MaxRetries = 11, "MaxRetries must be from 0 to 10" },
        { o => o.BaseDelay = TimeSpan.FromSeconds(-1), "BaseDelay must be from zero to MaxDelay" },
        { o => o.BaseDelay = TimeSpan.FromMinutes(5), "BaseDelay must be from zero to MaxDelay" },
        { o => o.MaxRetryAfter = TimeSpan.FromSeconds(-1), "MaxRetryAfter must not be negative" },
        { o => o.AttemptTimeout = TimeSpan.FromMilliseconds(1), "AttemptTimeout must be from 10 ms to 24 hours" },
        { o => o.TotalTimeout = TimeSpan.FromDays(2), "TotalTimeout must be from 10 ms to 24 hours" },
        { o => o.TimeProvider = null!, "TimeProvider must not be null" },
    };

    [Theory]
    [MemberData(nameof(InvalidResilienceSettings))]
    public void Invalid_retry_and_timeout_settings_are_refused_with_a_clear_message(Action<CustomerAddressesClientOptions> change, string expected)
    {
        var options = new CustomerAddressesClientOptions { BaseAddress = new Uri("https://api.example.com/") };
        change(options);

        var error = Assert.Throws<ArgumentException>(() => new CustomerAddressesClient(options));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_the_documented_ones()
    {
        var options = new CustomerAddressesClientOptions();

        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(1), options.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), options.MaxRetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(10), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), options.TotalTimeout);
        Assert.False(options.RetryUnsafeRequests);
        Assert.False(options.AllowInsecureHttp);
        Assert.Same(TimeProvider.System, options.TimeProvider);
    }
}
