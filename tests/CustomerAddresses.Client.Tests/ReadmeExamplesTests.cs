using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CustomerAddresses.Client.Redis;
using CustomerAddresses.Client.Tests.Support;
using CustomerAddresses.Client.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Polly;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using CustomerAddresses.Client.Bulk;
using CustomerAddresses.Client.Mirror;

namespace CustomerAddresses.Client.Tests;

/// <summary>
/// The README's C# examples, run against a fake API. The first test fails when a README block is not
/// word for word (indentation aside) in this file, so the README cannot drift from code that compiles and works.
/// </summary>
public sealed partial class ReadmeExamplesTests : FakeApiTests
{
    /// <summary>The user guides under docs/ whose blocks are examples to paste (architecture.md shows the inside instead).</summary>
    internal static readonly string[] UserGuides = ["configuration.md", "sessions.md", "testing.md", "webhooks.md", "bulk.md", "paddle.md", "mirror.md"];

    /// <summary>The documents whose C# blocks these tests run: the README, and the user guides under docs/.</summary>
    internal static IEnumerable<string> Documents() =>
        new[] { Path.Combine(AppContext.BaseDirectory, "Readme", "README.md") }
            .Concat(UserGuides.Select(g => Path.Combine(AppContext.BaseDirectory, "Readme", "docs", g)));

    [Fact]
    public void Every_csharp_block_of_the_README_and_the_docs_is_code_these_tests_run()
    {
        string source = Normalize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Readme", "ReadmeExamplesTests.cs.txt")));
        int count = 0;
        foreach (string document in Documents())
        {
            MatchCollection blocks = CSharpBlock().Matches(File.ReadAllText(document));
            count += blocks.Count;
            Assert.All(blocks, block => Assert.All(
                CheckedParagraphs(block.Groups[1].Value),
                paragraph => Assert.True(source.Contains(Normalize(paragraph), StringComparison.Ordinal), $"{Path.GetFileName(document)}: a paragraph these tests do not run:\n{paragraph}")));
        }

        Assert.True(count >= 15, $"expected the README's and the docs' examples, found {count} C# blocks");
    }

    /// <summary>
    /// A block's paragraphs that these tests must run word for word: all but its using directives and the paragraphs
    /// that start with <c>// Set-up</c>, which make the block a whole program (see ReadmeBlockTests).
    /// </summary>
    internal static IEnumerable<string> CheckedParagraphs(string block) =>
        block.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n")
            .Select(paragraph => string.Join('\n', paragraph.Split('\n').Where(line => !UsingDirective().IsMatch(line))))
            .Where(paragraph => paragraph.Trim().Length > 0 && !paragraph.TrimStart().StartsWith("// Set-up", StringComparison.Ordinal));

    [GeneratedRegex(@"^using [A-Za-z0-9_.]+;$")]
    private static partial Regex UsingDirective();

    [Fact]
    public void Create_a_client()
    {
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions
        {
            BaseAddress = new Uri("https://api.example.com/api/v1/"),
            ApiKey = Environment.GetEnvironmentVariable("CUSTOMERADDRESSES_API_KEY"),
        });

        // What the README says of it: the prefix kept, the /api/v1 dialect for a host that is not Paddle's.
        Assert.Equal("https://api.example.com/api/v1/", client.Settings!.BaseAddress.AbsoluteUri);
        Assert.Equal(ApiDialect.CustomersApiV1, client.Settings.Dialect.Kind);
    }

    [Fact]
    public async Task Test_against_the_emulator()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { ApiKey = "test-key" });
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = emulator.BaseAddress, Dialect = ApiDialect.PaddleBilling, ApiKey = "test-key" });

        Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Name = "Ann", Email = "ann@example.com" });
        Assert.Matches("^ctm_[a-z0-9]{26}$", customer.Id.Value);
        Assert.Equal(1, emulator.CustomerCount);
    }

    [Fact]
    public void Verify_a_webhook()
    {
        byte[] body = System.Text.Encoding.UTF8.GetBytes(Fixture.Text("paddle-webhooks/address-updated.json"));
        string signature = PaddleWebhookSigner.Sign(body, "pdl_ntfset_01hv8h6jj90jjz0d71m6hj4r9z", DateTimeOffset.UtcNow);

        var verifier = new PaddleWebhookVerifier(new PaddleWebhookOptions { SecretKeys = { "pdl_ntfset_01hv8h6jj90jjz0d71m6hj4r9z" } });
        PaddleWebhookEvent webhook = verifier.ReadEvent(body, signature); // the raw bytes, and the Paddle-Signature header
        if (webhook is AddressWebhookEvent { EventType: PaddleWebhookEventTypes.AddressUpdated } updated)
        {
            Console.WriteLine($"{updated.Address.Id} is now {updated.Address.Description}");
        }

        var read = Assert.IsType<AddressWebhookEvent>(webhook);
        Assert.Equal("add_01h849j51zpxv1e3zy2vgrrk6a", read.Address.Id.Value);
        Assert.Equal("California Office", read.Address.Description);
        Assert.Throws<WebhookVerificationException>(() => verifier.ReadEvent(body.AsSpan(1), signature));
    }

    sealed class AddressStore
    {
        public ConcurrentDictionary<AddressId, Address> Addresses { get; } = new();

        public Task UpsertAsync(Address address, CancellationToken cancellationToken)
        {
            Addresses[address.Id] = address;
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Receive_webhooks_in_aspnetcore_from_the_emulator()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        var addressStore = new AddressStore();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Paddle:WebhookSecretKey"] = "pdl_ntfset_01hv8h6jj90jjz0d71m6hj4r9z";
        builder.Services.AddPaddleWebhooks(o => o.SecretKeys.Add(builder.Configuration["Paddle:WebhookSecretKey"]!));
        await using WebApplication app = builder.Build();
        app.MapPaddleWebhooks("/webhooks/paddle", async (webhook, cancellationToken) =>
        {
            if (webhook is AddressWebhookEvent { Address: var address })
            {
                await addressStore.UpsertAsync(address, cancellationToken);
            }
        });
        await app.StartAsync();
        emulator.AddWebhookDestination(new Uri(app.Urls.First() + "/webhooks/paddle"), "pdl_ntfset_01hv8h6jj90jjz0d71m6hj4r9z");
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = emulator.BaseAddress, Dialect = ApiDialect.PaddleBilling });

        Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "hooks@example.com" });
        Address address = await client.Addresses.CreateAsync(customer.Id, new CreateAddressRequest { Country = "US", Description = "Head Office" });
        await emulator.WaitForWebhooksAsync(); // deliveries may arrive in any order, as on Paddle: let the creation land first
        await client.Addresses.UpdateAsync(customer.Id, address.Id, new UpdateAddressRequest { Description = "California Office" });
        await emulator.WaitForWebhooksAsync();

        Assert.Equal("California Office", addressStore.Addresses[address.Id].Description);
        Assert.All(emulator.WebhookDeliveries, d => Assert.Equal(200, d.StatusCode));
        Assert.Equal(3, emulator.WebhookDeliveries.Count);
        await app.StopAsync();
    }

    [Fact]
    public async Task Register_a_webhook_destination_with_the_emulator()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { WebhookRetryDelays = [] });
        emulator.AddWebhookDestination(new Uri("http://127.0.0.1:5005/webhooks/paddle"), "pdl_ntfset_01hv8h6jj90jjz0d71m6hj4r9z");
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = emulator.BaseAddress, Dialect = ApiDialect.PaddleBilling });

        await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "nobody-listens@example.com" });
        await emulator.WaitForWebhooksAsync();

        // One attempt, whatever answers on that fixed port of the machine (usually nothing): no retry was asked for.
        WebhookDelivery attempt = Assert.Single(emulator.WebhookDeliveries);
        Assert.Equal("customer.created", attempt.EventType);
        Assert.Equal(new Uri("http://127.0.0.1:5005/webhooks/paddle"), attempt.Destination);
    }

    sealed class FakeAddresses(IEnumerable<Address> addresses) : AddressesClient
    {
        public override AsyncPageable<Address> ListAsync(CustomerId customerId, ListAddressesOptions? options = null, CancellationToken cancellationToken = default) =>
            CustomerAddressesModelFactory.Pageable(addresses, pageSize: 10);
    }

    [Fact]
    public async Task Fake_client_from_the_test_kit()
    {
        AddressesClient fake = new FakeAddresses(Enumerable.Range(1, 25).Select(i => CustomerAddressesModelFactory.Address(description: $"Address {i}")));

        List<Page<Address>> pages = await fake.ListAsync(Ids.PaddleCustomer).AsPages().ToListAsync();

        Assert.Equal([10, 10, 5], pages.Select(p => p.Items.Count));
    }

    [Fact]
    public async Task Fake_listing_from_the_test_kit()
    {
        IReadOnlyList<Page<Address>> pages = CustomerAddressesModelFactory.Pages(
            Enumerable.Range(1, 25).Select(i => CustomerAddressesModelFactory.Address(description: $"Address {i}")), pageSize: 10);
        AsyncPageable<Address> listing = AsyncPageable<Address>.FromPages(pages);

        List<Address> all = await listing.ToListAsync();
        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"Address {i}"), all.Select(a => a.Description));
        Assert.Equal(3, pages.Count);
    }

    [Fact]
    public void Register_with_dependency_injection()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["CustomerAddresses:BaseAddress"] = "https://api.example.com/api/v1/" });

        builder.Services.AddCustomerAddressesClient(builder.Configuration.GetSection("CustomerAddresses"));

        using IHost host = builder.Build();
        CustomerAddressesClient client = host.Services.GetRequiredService<CustomerAddressesClient>();
        Assert.Equal("https://api.example.com/api/v1/", client.Settings!.BaseAddress.AbsoluteUri);
        Assert.Same(client.Settings, host.Services.GetRequiredService<CustomerAddressesClient>().Settings); // one registration, one set of settings
    }

    [Fact]
    public async Task Replace_the_retry_pipeline()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["CustomerAddresses:BaseAddress"] = Api.Url });
        Api.Reply("GET", "/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/addresses", 503, "{}");

#pragma warning disable EXTEXP0001
        builder.Services.AddCustomerAddressesClient(builder.Configuration.GetSection("CustomerAddresses"))
            .RemoveAllResilienceHandlers()
            .AddResilienceHandler("my-pipeline", pipeline => pipeline.AddTimeout(TimeSpan.FromSeconds(5)));
#pragma warning restore EXTEXP0001

        using IHost host = builder.Build();
        await Assert.ThrowsAsync<ServerErrorException>(
            async () => await host.Services.GetRequiredService<AddressesClient>().ListAsync(Ids.PaddleCustomer).ToListAsync());
        Assert.Single(Api.Requests); // the default retries are gone
    }

    [Fact]
    public async Task Every_endpoint_example_runs()
    {
        const string customerPath = "/customers/cus_01h3vjs3b16yc3f9q8q9pfrb80/addresses";
        Api.Server.Given(Request.Create().WithPath("/customers").UsingPost()).InScenario("duplicate").WillSetStateTo("created")
            .RespondWith(Response.Create().WithStatusCode(201).WithBody(Fixture.Text("003-create-customer.response.json")));
        Api.Server.Given(Request.Create().WithPath("/customers").UsingPost()).InScenario("duplicate").WhenStateIs("created")
            .RespondWith(Response.Create().WithStatusCode(409).WithBody("""{"error":{"type":"request_error","code":"customer_already_exists","detail":"customer email conflicts with customer of id cus_01h3vjs3b16yc3f9q8q9pfrb80"}}"""));
        Api.Reply("POST", customerPath, 201, Fixture.Text("000-create-address.response.json"));
        Api.Reply("GET", customerPath, 200, Fixture.Text("002-list-addresses.response.json"));
        Api.Reply("POST", "/organizations/org_2aBcD3/billing-addresses", 201, Fixture.Text("004-add-billing-address.response.json"));
        CustomerAddressesClient client = Api.Client(sessionToken: FakeApi.SessionToken);
        var printed = new StringWriter();
        TextWriter console = Console.Out;
        Console.SetOut(printed);
        try
        {
            await RunExamples(client);
        }
        finally
        {
            Console.SetOut(console);
        }

        string[] lines = printed.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "Already a customer: cus_01h3vjs3b16yc3f9q8q9pfrb80",
                "add_01hv8h6jj90jjz0d71m6hj4r9z Phoenix US",
                "add_01hv8gwdfkw5z6d1yy6pa3xyrz San Jose US",
                "add_01hv8gq3318ktkfengj2r75gfx New York US",
                "3 addresses, about 3 in all",
                "resumed: 3 more",
                "ctm_01grnn4zta5a1mf02jjze7y2ys",
                "address add_01h1x0z5y4c1v2f5k6p3j9n8m7, billing billing_123456789, token (none)",
            ],
            lines);
        Assert.Equal("id[ASC]", RequestAssert.Query(Api.Requests[^2], "order_by")); // the resumed listing keeps its options
        Assert.Equal("100", RequestAssert.Query(Api.Requests[^2], "per_page")); // and takes the page size hint
        Assert.Equal(7, Api.Requests.Count);
    }

    private static async Task RunExamples(CustomerAddressesClient client)
    {

        Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest
        {
            Name = "Brighton Mboya",
            Email = "brighton@jani.com",
            Address = new CustomerPostalAddress { City = "Dar es Salaam", Country = "TZ" },
            CustomData = new JsonObject { ["loyalty_program"] = "Gold" },
        });

        try
        {
            await client.Customers.CreateAsync(new CreateCustomerRequest { Name = "Brighton Mboya", Email = "brighton@jani.com" });
        }
        catch (ConflictException e) when (e.ExistingCustomerId is { } existing)
        {
            Console.WriteLine($"Already a customer: {existing}");
        }

        Address address = await client.Addresses.CreateAsync(customer.Id, new CreateAddressRequest
        {
            Region = "California",
            City = "San Francisco",
            Country = CountryCode.UnitedStates,
            Description = "Home Address",
        });

        await foreach (Address a in client.Addresses.ListAsync(customer.Id, new ListAddressesOptions { PerPage = 200 }))
        {
            Console.WriteLine($"{a.Id} {a.City} {a.Country}");
        }

        var options = new ListAddressesOptions { PerPage = 50, Search = "Office", Order = SortOrder.Ascending };
        string? token = null;
        await foreach (Page<Address> page in client.Addresses.ListAsync(customer.Id, options).AsPages())
        {
            Console.WriteLine($"{page.Items.Count} addresses, about {page.EstimatedTotal} in all");
            token = page.ContinuationToken;
            break; // stop here, store the token, and come back later
        }

        await foreach (Page<Address> page in client.Addresses.ListAsync(customer.Id, options).AsPages(token, pageSizeHint: 100))
        {
            Console.WriteLine($"resumed: {page.Items.Count} more");
        }

        BillingAddress billing = await client.BillingAddresses.AddAsync(OrganizationId.Parse("org_2aBcD3"), new AddBillingAddressRequest
        {
            Name = "New Office Location",
            Company = "Acme Corporation",
            AddressLine1 = "789 New Street",
            City = "Los Angeles",
            State = "CA",
            PostalCode = "90210",
            Country = CountryCode.UnitedStates,
        });

        if (CustomerId.TryParse("ctm_01grnn4zta5a1mf02jjze7y2ys", out CustomerId id))
        {
            Console.WriteLine(id.Value);
        }

        Console.WriteLine($"address {address.Id}, billing {billing.Id}, token {token ?? "(none)"}");
    }

    [Fact]
    public async Task Billing_list_replace_delete_and_session_rotation_examples_run()
    {
        const string path = "/organizations/7318049100213157000/billing-addresses";
        Api.Reply("GET", path, 200, Fixture.Text("wacht-list-billing-addresses.response.json"), ("Set-Cookie", "__session=rotated_token_2; path=/; HttpOnly"));
        Api.Reply("PUT", path + "/7318049210374193152", 200, Fixture.Text("wacht-add-billing-address.response.json"));
        Api.Reply("DELETE", path + "/7318049210374193152", 200, Fixture.Text("wacht-delete-billing-address.response.json"));
        var tokenStore = new TokenStore();
        var organizationId = OrganizationId.Parse("7318049100213157000");
        var billing = new { Id = BillingAddressId.Parse("7318049210374193152") };

        var options = new CustomerAddressesClientOptions
        {
            BaseAddress = new Uri("https://frontend.example.com/"),
            SessionToken = await tokenStore.LoadAsync(),
            SessionTokenRotated = token => tokenStore.Save(token),
        };
        options.BaseAddress = new Uri(Api.Url); // the README's host, pointed at the fake
        using var client = new CustomerAddressesClient(options);

        await foreach (BillingAddress b in client.BillingAddresses.ListAsync(organizationId))
        {
            Console.WriteLine($"{b.Id}: {b.AddressLine1}, {b.City}");
        }

        BillingAddress replaced = await client.BillingAddresses.ReplaceAsync(organizationId, billing.Id, new ReplaceBillingAddressRequest
        {
            Address = "1 Infinite Loop",
            City = "Cupertino",
            State = "CA",
            PostalCode = "95014",
            Country = CountryCode.UnitedStates,
        });

        await client.BillingAddresses.DeleteAsync(organizationId, billing.Id);

        Assert.Equal(billing.Id, replaced.Id);
        Assert.Equal("rotated_token_2", tokenStore.Saved);
        Assert.Equal(["first_token", "rotated_token_2", "rotated_token_2"], Api.Requests.Select(r => r.RequestMessage!.Cookies!["__session"]));
    }

    private sealed class TokenStore
    {
        public string? Saved { get; private set; }

        public Task<string> LoadAsync() => Task.FromResult("first_token");

        public void Save(string token) => Saved = token;
    }

    [Fact]
    public async Task Call_options_example_runs()
    {
        Api.Reply("GET", "/customers/cus_01h3vjs3b16yc3f9q8q9pfrb80", 200, Fixture.Text("003-create-customer.response.json"), ("Request-Id", "req_7"));
        using CustomerAddressesClient client = Api.Client();
        var printed = new StringWriter();
        TextWriter console = Console.Out;
        Console.SetOut(printed);
        try
        {
            ApiResponse<Customer> response = await client.Customers.GetAsync(CustomerId.Parse("cus_01h3vjs3b16yc3f9q8q9pfrb80"), new RequestOptions
            {
                Timeout = TimeSpan.FromSeconds(5),
                ClientRequestId = "order-7781",
                Headers = { ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" },
            });
            Console.WriteLine($"{response.Value.Email}: {(int)response.StatusCode}, request id {response.RequestId}");
        }
        finally
        {
            Console.SetOut(console);
        }

        Assert.Equal("brighton@jani.com: 200, request id req_7", printed.ToString().Trim());
        Assert.Equal("order-7781", RequestAssert.Header(Assert.Single(Api.Requests), "X-Client-Request-Id"));
        Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", RequestAssert.Header(Api.Requests[0], "traceparent"));
    }

    [Fact]
    public async Task Paddle_dialect_examples_run()
    {
        Api.Reply("POST", "/customers", 201, Fixture.Text("paddle/openapi.customers.create.201.json"));
        Api.Reply("POST", "/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/addresses", 201, Fixture.Text("paddle/openapi.addresses.create.201.json"));

        var options = new CustomerAddressesClientOptions
        {
            BaseAddress = PaddleEnvironment.Sandbox, // Paddle's host: the Paddle Billing dialect
            ApiKey = Environment.GetEnvironmentVariable("PADDLE_API_KEY"),
        };

        Assert.Equal(ApiDialect.PaddleBilling, CustomerAddresses.Client.Configuration.ClientSettings.From(options).Dialect.Kind);
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = new Uri(Api.Url), Dialect = ApiDialect.PaddleBilling });

        Customer jo = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "jo@example.com" });
        Address office = await client.Addresses.CreateAsync(jo.Id, new CreateAddressRequest { Country = "AG" });

        Assert.Equal("add_01hv8gq3318ktkfengj2r75gfx", office.Id.Value);
        Assert.Equal(["""{"email":"jo@example.com"}""", """{"country_code":"AG"}"""], Api.Requests.Select(r => r.RequestMessage!.Body));
    }

    [Fact]
    public void A_rate_limit_shared_through_Redis_is_set_as_the_docs_show()
    {
        var options = new CustomerAddressesClientOptions
        {
            BaseAddress = PaddleEnvironment.Sandbox,
            ApiKey = Environment.GetEnvironmentVariable("PADDLE_API_KEY"),
            RateLimit = { RequestsPerMinute = CustomerAddressesRateLimitOptions.PaddleRequestsPerMinute }, // for all the instances together
        };
        options.RateLimit.UseRedis(r =>
        {
            r.Configuration = Environment.GetEnvironmentVariable("REDIS") ?? "localhost:6379"; // the one Redis every instance uses
            r.Name = "egress-203.0.113.7"; // what the instances share: Paddle counts per IP address
            r.Instances = 4;               // while Redis cannot be reached, each paces itself at 240 / 4
        });
        using var client = new CustomerAddressesClient(options);

        // Built without waiting for Redis: the limiter shared through it stands in the in-process one's place.
        var limiter = Assert.IsType<CustomerAddresses.Client.RateLimiting.PermitWaiter>(client.Settings!.Limiter);
        Assert.Equal("RedisSharedRateLimiter", limiter.Inner.GetType().Name);
        Assert.Equal(240, client.Settings.RequestsPerMinute);
    }

    [Fact]
    public async Task Customer_lifecycle_examples_run()
    {
        const string item = "/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4";
        Api.Reply("GET", item, 200, Fixture.Text("paddle/openapi.customers.update.200.json"));
        Api.Reply("GET", "/customers", 200, Fixture.Text("paddle/openapi.customers.list.200.json"));
        Api.Reply("PATCH", item, 200, Fixture.Text("paddle/openapi.customers.update.200.json"));
        CustomerAddressesClient client = Api.Client();
        var customer = new { Id = Ids.PaddleCustomer };

        Customer found = await client.Customers.GetAsync(customer.Id);

        await foreach (Customer match in client.Customers.ListAsync(new ListCustomersOptions { Emails = ["brighton@jani.com"] }))
        {
            Console.WriteLine($"{match.Id} has that email");
        }

        Customer renamed = await client.Customers.UpdateAsync(customer.Id, new UpdateCustomerRequest
        {
            Name = "Brighton M. Mboya", // set
            CustomData = null,          // clear: sent as "custom_data": null
        });                             // every member not mentioned is left as it is, and not sent

        Customer archived = await client.Customers.ArchiveAsync(customer.Id);

        Assert.Equal(found.Id, renamed.Id);
        Assert.Equal(archived.Id, renamed.Id);
        Assert.Equal("brighton@jani.com", RequestAssert.Query(Api.Requests[1], "email"));
        Assert.Equal(["""{"name":"Brighton M. Mboya","custom_data":null}""", """{"status":"archived"}"""], Api.Requests.Skip(2).Select(r => r.RequestMessage!.Body));
    }

    [Fact]
    public async Task Address_lifecycle_examples_run()
    {
        const string item = "/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/addresses/add_01hv8gwdfkw5z6d1yy6pa3xyrz";
        Api.Reply("GET", item, 200, Fixture.Text("paddle/openapi.addresses.update.200.json"));
        Api.Reply("PATCH", item, 200, Fixture.Text("paddle/openapi.addresses.update.200.json"));
        CustomerAddressesClient client = Api.Client();
        var customer = new { Id = Ids.PaddleCustomer };
        var address = new { Id = AddressId.Parse("add_01hv8gwdfkw5z6d1yy6pa3xyrz") };

        Address one = await client.Addresses.GetAsync(customer.Id, address.Id);
        Address moved = await client.Addresses.UpdateAsync(customer.Id, address.Id, new UpdateAddressRequest
        {
            City = "Oakland",    // set
            Description = null,  // clear
        });
        Address gone = await client.Addresses.ArchiveAsync(customer.Id, address.Id);

        Assert.Equal(one.Id, moved.Id);
        Assert.Equal(gone.Id, moved.Id);
        Assert.Equal(["""{"description":null,"city":"Oakland"}""", """{"status":"archived"}"""], Api.Requests.Skip(1).Select(r => r.RequestMessage!.Body));
    }

    [Fact]
    public async Task Paddle_businesses_example_runs()
    {
        const string list = "/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/businesses";
        Api.Reply("POST", list, 201, Fixture.Text("paddle/openapi.businesses.create.201.json"));
        Api.Reply("PATCH", list + "/biz_01hv8hkr641vmpwytx38znv56k", 200, Fixture.Text("paddle/openapi.businesses.update.200.json"));
        Api.Reply("GET", list, 200, Fixture.Text("paddle/openapi.businesses.list.200.json"));
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = new Uri(Api.Url), Dialect = ApiDialect.PaddleBilling });
        CustomerId customerId = CustomerId.Parse("ctm_01hv6y1jedq4p1n0yqn5ba3ky4");

        Business business = await client.Businesses.CreateAsync(customerId, new CreateBusinessRequest
        {
            Name = "Uplift Inc.",
            TaxIdentifier = "555952383",
            Contacts = [new BusinessContact { Name = "Parker Jones", Email = "parker@example.com" }],
        });
        await client.Businesses.UpdateAsync(customerId, business.Id, new UpdateBusinessRequest { CompanyNumber = "555775291485" });
        await foreach (Business each in client.Businesses.ListAsync(customerId, new ListBusinessesOptions { Search = "Uplift" }))
        {
            Console.WriteLine($"{each.Id}: {each.Contacts?.Count} contacts");
        }

        await client.Businesses.ArchiveAsync(customerId, business.Id);

        Assert.Equal(["POST", "PATCH", "GET", "PATCH"], Api.Requests.Select(r => r.RequestMessage!.Method));
        Assert.Equal("""{"status":"archived"}""", Api.Requests[3].RequestMessage!.Body);
    }

    [Fact]
    public async Task Paddle_customer_operations_example_runs()
    {
        const string item = "/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4";
        Api.Reply("GET", item + "/credit-balances", 200, Fixture.Text("paddle/openapi.customers.list-credit-balances.200.json"));
        Api.Reply("POST", item + "/auth-token", 200, Fixture.Text("paddle/openapi.customers.generate-auth-token.200.json"));
        Api.Reply("POST", item + "/portal-sessions", 201, Fixture.Text("paddle/openapi.customer-portal-sessions.create.201.json"));
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = new Uri(Api.Url), Dialect = ApiDialect.PaddleBilling });
        CustomerId customerId = CustomerId.Parse("ctm_01hv6y1jedq4p1n0yqn5ba3ky4");

        await foreach (CustomerCreditBalance credit in client.Customers.ListCreditBalancesAsync(customerId))
        {
            Console.WriteLine($"{credit.CurrencyCode}: {credit.Balance?.Available} available"); // "550" is 5.50 USD
        }

        CustomerAuthToken token = await client.Customers.GenerateAuthTokenAsync(customerId); // for Paddle.js, until token.ExpiresAt
        CustomerPortalSession portal = await client.Customers.CreatePortalSessionAsync(customerId, ["sub_01h04vsc0qhwtsbsxh3422wjs4"]);
        Console.WriteLine($"Send the customer to {portal.Urls?.General?.Overview}");

        Assert.Equal(3, Api.Requests.Count);
        Assert.StartsWith("pca_", token.Token, StringComparison.Ordinal);
        Assert.Equal("cpls_01h4ge9r64c22exjsx0fy8b48b", portal.Id);
    }

    [Fact]
    public async Task Mirror_in_an_app_example_runs()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using var seller = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = emulator.BaseAddress, Dialect = ApiDialect.PaddleBilling });
        Customer before = await seller.Customers.CreateAsync(new CreateCustomerRequest { Email = "before@example.com" }); // backfilled
        string[] files = [.. new[] { "", "-wal", "-shm", "-mirror.lock" }.Select(end => Path.GetFullPath("customers.db" + end))]; // as the example names it
        Array.ForEach(files, File.Delete);
        try
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration["Paddle:WebhookSecretKey"] = "pdl_ntfset_01hv8h6jj90jjz0d71m6hj4r9z";
            builder.Services.AddCustomerAddressesClient(o => { o.BaseAddress = emulator.BaseAddress; o.Dialect = ApiDialect.PaddleBilling; });
            builder.Services.AddPaddleWebhooks(o => o.SecretKeys.Add(builder.Configuration["Paddle:WebhookSecretKey"]!));

            builder.Services.AddCustomerAddressesMirror(new CustomerMirrorOptions { SqlitePath = "customers.db" }); // or PostgresConnectionString
            WebApplication app = builder.Build();
            CustomerMirror mirror = app.Services.GetRequiredService<CustomerMirror>();
            app.MapPaddleWebhooks("/webhooks/paddle", (webhook, cancellationToken) => mirror.ApplyAsync(webhook, cancellationToken));

            await app.StartAsync();
            emulator.AddWebhookDestination(new Uri(app.Urls.First() + "/webhooks/paddle"), "pdl_ntfset_01hv8h6jj90jjz0d71m6hj4r9z");
            Customer after = await seller.Customers.CreateAsync(new CreateCustomerRequest { Email = "after@example.com" }); // a webhook
            await emulator.WaitForWebhooksAsync();
            for (int i = 0; i < 100 && mirror.Progress.CustomersBackfilled == 0; i++)
            {
                await Task.Delay(50);
            }

            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=customers.db;Mode=ReadOnly;Pooling=false"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT id FROM customers ORDER BY id";
                var ids = new List<string>();
                await using (var reader = await command.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        ids.Add(reader.GetString(0));
                    }
                }

                Assert.Equal([before.Id.Value, after.Id.Value], ids);
            }

            Assert.Equal(200, Assert.Single(emulator.WebhookDeliveries).StatusCode);
            await app.StopAsync();
            await app.DisposeAsync();
        }
        finally
        {
            Array.ForEach(files, File.Delete);
        }
    }

    [Fact]
    public async Task Catch_up_from_events_then_take_webhooks_example_runs()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using var seller = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = emulator.BaseAddress, Dialect = ApiDialect.PaddleBilling });
        await seller.Customers.CreateAsync(new CreateCustomerRequest { Email = "while-down@example.com" }); // happens while the app is down
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Paddle:WebhookSecretKey"] = "pdl_ntfset_01hv8h6jj90jjz0d71m6hj4r9z";
        builder.Services.AddCustomerAddressesClient(o => { o.BaseAddress = emulator.BaseAddress; o.Dialect = ApiDialect.PaddleBilling; });
        builder.Services.AddPaddleWebhooks(o => o.SecretKeys.Add(builder.Configuration["Paddle:WebhookSecretKey"]!));
        await using WebApplication app = builder.Build();
        var sync = new EventSync();

        app.MapPaddleWebhooks("/webhooks/paddle", (webhook, cancellationToken) => sync.HandleAsync(webhook, cancellationToken));

        // On start: every event since the last one processed, oldest first.
        var missed = new ListEventsOptions { After = sync.LastEventId, Order = SortOrder.Ascending };
        await foreach (PaddleWebhookEvent e in app.Services.GetRequiredService<EventsClient>().ListAsync(missed))
        {
            await sync.HandleAsync(e, CancellationToken.None);
        }

        string caughtUp = sync.LastEventId!;
        await app.StartAsync();
        emulator.AddWebhookDestination(new Uri(app.Urls.First() + "/webhooks/paddle"), "pdl_ntfset_01hv8h6jj90jjz0d71m6hj4r9z");
        await seller.Customers.CreateAsync(new CreateCustomerRequest { Email = "while-up@example.com" }); // arrives as a webhook
        await emulator.WaitForWebhooksAsync();
        List<PaddleWebhookEvent> all = await seller.Events.ListAsync(new ListEventsOptions { Order = SortOrder.Ascending }).ToListAsync();

        Assert.Equal(all[0].EventId, caughtUp);
        Assert.Equal(all[1].EventId, sync.LastEventId);
        Assert.Equal(200, Assert.Single(emulator.WebhookDeliveries).StatusCode);
        Assert.Empty(await seller.Events.ListAsync(new ListEventsOptions { After = sync.LastEventId, Order = SortOrder.Ascending }).ToListAsync());
        await app.StopAsync();
    }

    [Fact]
    public async Task Bulk_import_and_export_example_runs()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = emulator.BaseAddress, Dialect = ApiDialect.PaddleBilling, RateLimit = { RequestsPerMinute = 6000 } });
        File.Delete("customers.journal");
        var lines = new List<string>();

        BulkImportRow[] rows =
        [
            new() { LineNumber = 1, Email = "jo@example.com", Name = "Jo Brown", Country = "US", City = "New York" },
            new() { LineNumber = 2, Email = "jo@example.com", Country = "US", City = "San Jose" },
        ];
        var options = new BulkImportOptions
        {
            JournalPath = "customers.journal", // run it again after a crash: it resumes, and creates nothing twice
            OnRejected = (rejected, _) =>
            {
                Console.WriteLine($"line {rejected.Row.LineNumber}: {rejected.Reason}");
                return ValueTask.CompletedTask;
            },
        };
        BulkProgress done = await new BulkClient(client).ImportAsync(rows.ToAsyncEnumerable(), options, new Progress<BulkProgress>(p => Console.WriteLine($"{p.RowsDone} rows done")));
        Console.WriteLine($"{done.CustomersCreated} customers and {done.AddressesCreated} addresses created, {done.Rejected} rejected");

        await foreach (BulkExportRecord record in new BulkClient(client).ExportAsync(new BulkExportOptions { IncludeArchived = true }))
        {
            Console.WriteLine($"{record.Customer.Email}: {record.Address?.City}"); // one page in memory at a time
        }

        await foreach (BulkExportRecord record in new BulkClient(client).ExportAsync())
        {
            lines.Add($"{record.Customer.Email}: {record.Address?.City}");
        }

        BulkProgress again = await new BulkClient(client).ImportAsync(rows.ToAsyncEnumerable(), options);
        File.Delete("customers.journal");
        Assert.Equal((1L, 2L, 0L), (done.CustomersCreated, done.AddressesCreated, done.Rejected));
        Assert.Equal(["jo@example.com: New York", "jo@example.com: San Jose"], lines);
        Assert.Equal(0, again.Requests);
    }

    [Fact]
    public async Task Bulk_export_of_businesses_and_payment_methods_example_runs()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = emulator.BaseAddress, Dialect = ApiDialect.PaddleBilling });
        Customer jo = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "jo@example.com" });
        await client.Addresses.CreateAsync(jo.Id, new CreateAddressRequest { Country = CountryCode.Parse("US"), City = "New York" });
        await client.Businesses.CreateAsync(jo.Id, new CreateBusinessRequest { Name = "ChatApp Inc." });
        emulator.SavePaymentMethod(jo.Id.Value);
        await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "bo@example.com" });
        using var console = new StringWriter();
        TextWriter original = Console.Out;
        Console.SetOut(console);
        try
        {
            await foreach (BulkExportRecord record in new BulkClient(client).ExportAsync(new BulkExportOptions { IncludePaymentMethods = true }))
            {
                string what = record.Address is { } a ? $"address in {a.City}" : record.Business is { } b ? $"business {b.Name}" : record.PaymentMethod is { } m ? $"{m.Type} ending {m.Card?.Last4}" : "no address";
                Console.WriteLine($"{record.Customer.Email}: {what}");
            }
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Equal(
            ["jo@example.com: address in New York", "jo@example.com: business ChatApp Inc.", "jo@example.com: card ending 4242", "bo@example.com: no address"],
            console.ToString().Split(Environment.NewLine).Where(l => l.StartsWith("jo@example.com: ", StringComparison.Ordinal) || l.StartsWith("bo@example.com: ", StringComparison.Ordinal)));
    }

    sealed class EventSync
    {
        private readonly ConcurrentDictionary<string, bool> _done = new(); // keep it, and LastEventId, in your database

        public string? LastEventId { get; private set; }

        public Task HandleAsync(PaddleWebhookEvent e, CancellationToken cancellationToken)
        {
            if (!_done.TryAdd(e.EventId, true))
            {
                return Task.CompletedTask; // delivered before
            }

            lock (_done)
            {
                // Event ids grow with time: the newest one processed is where the next catch-up starts.
                LastEventId = string.CompareOrdinal(e.EventId, LastEventId) > 0 ? e.EventId : LastEventId;
            }

            Console.WriteLine($"{e.EventType} {e.EventId}"); // your sync: e is a CustomerWebhookEvent, an AddressWebhookEvent, or another type
            return Task.CompletedTask;
        }
    }

    private static string Normalize(string code) =>
        string.Join('\n', code.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
