using CustomerAddresses.Client.Tests.Shared;
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

    /// <summary>The URL of the one request a call through <paramref name="options"/> sends.</summary>
    private static async Task<Uri> FirstRequestUri(CustomerAddressesClientOptions options)
    {
        var server = new StubHandler((_, _) => StubHandler.Status(200, "{\"id\":\"cus_1\"}"));
        using CustomerAddressesClient client = TestClients.Create(options, server);

        await client.Customers.GetAsync(CustomerId.Parse("cus_1"));

        return Assert.Single(server.Attempts).Request.RequestUri!;
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/", "http://127.0.0.1:5080/customers/cus_1")]
    [InlineData("http://localhost:5080/api/v1", "http://localhost:5080/api/v1/customers/cus_1")]
    [InlineData("http://[::1]:5080/", "http://[::1]:5080/customers/cus_1")]
    [InlineData("https://api.example.com/api/v1/", "https://api.example.com/api/v1/customers/cus_1")]
    public async Task Loopback_http_and_any_https_are_accepted_and_their_path_is_kept(string baseAddress, string expected)
    {
        Uri sent = await FirstRequestUri(new CustomerAddressesClientOptions { BaseAddress = new Uri(baseAddress) });

        Assert.Equal(expected, sent.AbsoluteUri);
    }

    [Fact]
    public async Task Plain_http_elsewhere_needs_an_explicit_opt_in()
    {
        var refused = Assert.Throws<ArgumentException>(() => new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = new Uri("http://api.internal/") }));
        Uri sent = await FirstRequestUri(new CustomerAddressesClientOptions { BaseAddress = new Uri("http://api.internal/"), AllowInsecureHttp = true });

        Assert.Contains("AllowInsecureHttp", refused.Message, StringComparison.Ordinal);
        Assert.Equal("http://api.internal/customers/cus_1", sent.AbsoluteUri);
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
    public async Task Changing_the_options_after_construction_does_not_change_the_client()
    {
        var server = new StubHandler((_, _) => StubHandler.Status(200, "{\"id\":\"cus_1\"}"));
        var options = new CustomerAddressesClientOptions { BaseAddress = new Uri("https://api.example.com/"), ApiKey = "key-1", Retry = { MaxRetries = 0 } };
        using CustomerAddressesClient client = TestClients.Create(options, server);

        options.BaseAddress = new Uri("https://elsewhere.example.com/");
        options.ApiKey = "key-2";
        options.Retry.MaxRetries = 5;
        options.Retry = new CustomerAddressesRetryOptions();
        await client.Customers.GetAsync(CustomerId.Parse("cus_1"));

        HttpRequestMessage sent = Assert.Single(server.Attempts).Request;
        Assert.Equal("https://api.example.com/customers/cus_1", sent.RequestUri!.AbsoluteUri);
        Assert.Equal("Bearer key-1", sent.Headers.Authorization!.ToString());
    }

    public static TheoryData<Action<CustomerAddressesClientOptions>, string> InvalidResilienceSettings => new()
    {
        { o => o.Retry.MaxRetries = -1, "Retry.MaxRetries must be from 0 to 10" },
        { o => o.Retry.MaxRetries = 11, "Retry.MaxRetries must be from 0 to 10" },
        { o => o.Retry.BaseDelay = TimeSpan.FromSeconds(-1), "Retry.BaseDelay must be from zero to Retry.MaxDelay" },
        { o => o.Retry.BaseDelay = TimeSpan.FromMinutes(5), "Retry.BaseDelay must be from zero to Retry.MaxDelay" },
        { o => o.Retry.MaxRetryAfter = TimeSpan.FromSeconds(-1), "Retry.MaxRetryAfter must not be negative" },
        { o => o.Retry = null!, "Retry must not be null" },
        { o => o.Timeouts.Attempt = TimeSpan.FromMilliseconds(1), "Timeouts.Attempt must be from 10 ms to 24 hours" },
        { o => o.Timeouts.Total = TimeSpan.FromDays(2), "Timeouts.Total must be from 10 ms to 24 hours" },
        { o => o.Timeouts = null!, "Timeouts must not be null" },
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

    /// <summary>
    /// Every default docs/configuration.md states, in its options table and its retry table, read from the page and
    /// compared with what a new options object holds; and every option the page leaves out is a failure too.
    /// </summary>
    [Fact]
    public void The_defaults_are_the_ones_docs_configuration_states()
    {
        string page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Readme", "docs", "configuration.md"));
        var documented = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in page.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            // The options table: option | configuration key | default | meaning. The retry table: setting | default | meaning.
            string[] cells = [.. line.Trim().Trim('|').Split('|').Select(c => c.Trim())];
            string name = cells[0][1..cells[0].IndexOf('`', 1)];
            if (cells.Length is 3 or 4)
            {
                documented[name] = cells[cells.Length - 2];
            }
        }

        var options = new CustomerAddressesClientOptions();
        string[] settings =
        [
            .. typeof(CustomerAddressesClientOptions).GetProperties().Select(p => p.Name),
            .. typeof(CustomerAddressesRetryOptions).GetProperties().Select(p => "Retry." + p.Name),
            .. typeof(CustomerAddressesTimeoutOptions).GetProperties().Select(p => "Timeouts." + p.Name),
            .. typeof(CustomerAddressesRateLimitOptions).GetProperties().Select(p => "RateLimit." + p.Name),
        ];
        Assert.DoesNotContain(settings, s => !documented.ContainsKey(s));
        foreach (string setting in settings)
        {
            object? actual = setting.Split('.').Aggregate((object?)options, (owner, name) => owner!.GetType().GetProperty(name)!.GetValue(owner));
            string stated = documented[setting];
            string expected = actual switch
            {
                null => stated is "none" or "required" or "from the host" ? stated : "(null)",
                bool b => $"`{(b ? "true" : "false")}`",
                int n => $"`{n}`",
                TimeSpan t => $"{t.TotalSeconds} s",
                TimeProvider p when ReferenceEquals(p, TimeProvider.System) => "`TimeProvider.System`",
                CustomerAddressesRetryOptions or CustomerAddressesTimeoutOptions or CustomerAddressesRateLimitOptions => "see below",
                _ => actual.ToString()!,
            };
            Assert.True(expected == stated, $"{setting}: the page says {stated}, a new options object holds {actual ?? "null"}");
        }
    }
}
