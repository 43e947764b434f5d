using System.Net;
using CustomerAddresses.Client.Testing;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>The rest of the contract over real HTTP: offset paging, errors, authentication, concurrency, faults.</summary>
public sealed class ScenarioTests
{
    /// <summary>A client of the emulator's root, which speaks Paddle's dialect (and serves Wacht's billing addresses).</summary>
    private static CustomerAddressesClient ClientOf(CustomerAddressesEmulator emulator, Action<CustomerAddressesClientOptions>? change = null) =>
        TestClients.Create(emulator.BaseAddress, o =>
        {
            o.Dialect = ApiDialect.PaddleBilling;
            change?.Invoke(o);
        });

    private static async Task<(CustomerId Id, List<string> Ascending)> CustomerWithAddresses(CustomerAddressesClient client, string email, int count)
    {
        Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Name = email, Email = email });
        var ids = new List<string>();
        for (int i = 0; i < count; i++)
        {
            Address address = await client.Addresses.CreateAsync(customer.Id, new CreateAddressRequest { Region = "R", City = "C" + i, Country = "US" });
            ids.Add(address.Id.Value);
        }

        return (customer.Id, ids);
    }

    [Fact]
    public async Task An_offset_paged_server_is_paged_to_the_end_with_customer_ids_filled_in()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { OffsetPaging = true });
        using CustomerAddressesClient client = ClientOf(emulator);
        (CustomerId customerId, List<string> ascending) = await CustomerWithAddresses(client, "offset@example.com", 120);

        var pages = new List<Page<Address>>();
        await foreach (Page<Address> page in client.Addresses.ListAsync(customerId, new ListAddressesOptions { PerPage = 50, Order = SortOrder.Ascending }).AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal([50, 50, 20], pages.Select(p => p.Items.Count));
        Assert.Equal(ascending, pages.SelectMany(p => p.Items).Select(a => a.Id.Value));
        Assert.All(pages.SelectMany(p => p.Items), a => Assert.Equal(customerId, a.CustomerId));
        Assert.All(pages.SelectMany(p => p.Items), a => Assert.Equal(CountryCode.UnitedStates, a.Country));
        Assert.Equal([true, true, false], pages.Select(p => p.ContinuationToken is not null));

        List<Address> resumed = await client.Addresses.ListAsync(customerId, new ListAddressesOptions { PerPage = 50, Order = SortOrder.Ascending })
            .AsPages(pages[1].ContinuationToken).SelectMany(p => p.Items.ToAsyncEnumerable()).ToListAsync();
        Assert.Equal(ascending.Skip(100), resumed.Select(a => a.Id.Value));
    }

    [Fact]
    public async Task A_duplicate_email_is_a_conflict_naming_the_existing_customer()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using CustomerAddressesClient client = ClientOf(emulator);
        Customer first = await client.Customers.CreateAsync(new CreateCustomerRequest { Name = "Ann", Email = "ann@example.com" });

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => client.Customers.CreateAsync(new CreateCustomerRequest { Name = "Ann B", Email = "ANN@example.com" }));

        Assert.Equal(first.Id, conflict.ExistingCustomerId);
        Assert.Equal("customer_already_exists", conflict.ErrorCode);
        Assert.NotNull(conflict.RequestId);
        Assert.Equal(1, emulator.CustomerCount);
    }

    [Fact]
    public async Task The_servers_own_validation_errors_arrive_as_field_errors()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using CustomerAddressesClient client = ClientOf(emulator);
        using CustomerAddressesClient apiV1 = TestClients.Create(emulator.ApiV1BaseAddress); // takes a status on create

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(
            () => apiV1.Customers.CreateAsync(new CreateCustomerRequest { Name = "Ann", Email = "ann@example.com", Status = new CustomerStatus("paused") }));
        var missing = await Assert.ThrowsAsync<ResourceNotFoundException>(
            () => client.Addresses.CreateAsync(CustomerId.Parse("ctm_doesnotexist"), new CreateAddressRequest { Region = "R", City = "C", Country = "US" }));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("invalid_field", invalid.ErrorCode);
        Assert.Equal("status", Assert.Single(invalid.FieldErrors).Field);
        Assert.Equal("not_found", missing.ErrorCode);
        Assert.Equal(0, emulator.CustomerCount);
    }

    [Fact]
    public async Task A_missing_or_wrong_api_key_is_an_authentication_failure()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { ApiKey = "pdl_live_apikey_right" });
        using CustomerAddressesClient anonymous = ClientOf(emulator);
        using CustomerAddressesClient wrong = ClientOf(emulator, o => o.ApiKey = "pdl_live_apikey_wrong");
        using CustomerAddressesClient right = ClientOf(emulator, o => o.ApiKey = "pdl_live_apikey_right");
        var request = new CreateCustomerRequest { Name = "Ann", Email = "ann@example.com" };

        var missing = await Assert.ThrowsAsync<AuthenticationFailedException>(() => anonymous.Customers.CreateAsync(request));
        var invalid = await Assert.ThrowsAsync<AuthenticationFailedException>(() => wrong.Customers.CreateAsync(request));
        Customer created = await right.Customers.CreateAsync(request);

        Assert.Equal("authentication_missing", missing.ErrorCode);
        Assert.Equal("invalid_token", invalid.ErrorCode);
        Assert.DoesNotContain("pdl_live_apikey_wrong", invalid.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("ctm_", created.Id.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_billing_address_endpoint_needs_the_session_cookie()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { SessionToken = "sess_right" });
        using CustomerAddressesClient anonymous = ClientOf(emulator);
        using CustomerAddressesClient signedIn = ClientOf(emulator, o => o.SessionToken = "sess_right");
        var request = new AddBillingAddressRequest { Name = "HQ", Company = "Acme", AddressLine1 = "1 Road", City = "LA", State = "CA", PostalCode = "90210", Country = "US" };

        var unauthorized = await Assert.ThrowsAsync<AuthenticationFailedException>(() => anonymous.BillingAddresses.AddAsync(OrganizationId.Parse("org_1"), request));
        BillingAddress first = await signedIn.BillingAddresses.AddAsync(OrganizationId.Parse("org_1"), request);
        BillingAddress second = await signedIn.BillingAddresses.AddAsync(OrganizationId.Parse("org_1"), request with { IsDefault = false });

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Matches("^[0-9]{15,20}$", first.Id.Value); // a snowflake, as Wacht's server issues
        Assert.True(first.IsDefault); // an organization's first billing address is its default
        Assert.False(second.IsDefault);
        Assert.Equal("1 Road", second.AddressLine1);
    }

    [Fact]
    public async Task Twenty_concurrent_callers_lose_and_duplicate_nothing()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using CustomerAddressesClient client = ClientOf(emulator);

        (CustomerId Id, List<string> Created, List<string> Listed)[] results = await Task.WhenAll(Enumerable.Range(0, 20).Select(async caller =>
        {
            (CustomerId id, List<string> created) = await CustomerWithAddresses(client, $"caller{caller}@example.com", 25);
            List<Address> listed = await client.Addresses.ListAsync(id, new ListAddressesOptions { PerPage = 7, Order = SortOrder.Ascending }).ToListAsync();
            return (id, created, listed.Select(a => a.Id.Value).ToList());
        }));

        Assert.Equal(20, emulator.CustomerCount);
        Assert.Equal(20, results.Select(r => r.Id).Distinct().Count());
        Assert.All(results, r =>
        {
            Assert.Equal(r.Created, r.Listed);
            Assert.Equal(25, emulator.AddressCount(r.Id.Value));
        });
        Assert.Equal(500, results.SelectMany(r => r.Listed).Distinct().Count());
    }

    [Fact]
    public async Task Reads_survive_injected_503s_and_connections_cut_mid_response()
    {
        await using var faulty = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { Seed = 7, ServerErrorRate = 0.2, AbortRate = 0.2 });
        using CustomerAddressesClient writer = ClientOf(faulty, o => o.Retry.MaxRetries = 0);
        using CustomerAddressesClient reader = ClientOf(faulty, o =>
        {
            o.Retry.MaxRetries = 10;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        });

        // Creating through faults: a create cut off mid-response may have been stored. Trying it again is safe for
        // a customer, because the server refuses the duplicate email and names the one it kept.
        CustomerId customerId = default;
        while (customerId == default)
        {
            try
            {
                customerId = (await writer.Customers.CreateAsync(new CreateCustomerRequest { Name = "F", Email = "f@example.com" })).Id;
            }
            catch (ConflictException e) when (e.ExistingCustomerId is { } existing)
            {
                customerId = existing;
            }
            catch (Exception e) when (e is ServerErrorException or HttpRequestException)
            {
            }
        }

        var acknowledged = new List<string>();
        while (acknowledged.Count < 60)
        {
            try
            {
                acknowledged.Add((await writer.Addresses.CreateAsync(customerId, new CreateAddressRequest { Region = "R", City = "C", Country = "US" })).Id.Value);
            }
            catch (Exception e) when (e is ServerErrorException or HttpRequestException)
            {
                // An address has no natural key: one cut off mid-response may exist without being acknowledged.
            }
        }

        List<string> listed = (await reader.Addresses.ListAsync(customerId, new ListAddressesOptions { PerPage = 5, Order = SortOrder.Ascending }).ToListAsync())
            .Select(a => a.Id.Value).ToList();

        Assert.Equal(listed.Distinct().Count(), listed.Count); // no duplicates
        Assert.All(acknowledged, id => Assert.Contains(id, listed)); // every acknowledged create is listed
        Assert.Equal(faulty.AddressCount(customerId.Value), listed.Count); // and every stored one, nothing more
        Assert.Equal(listed.Order(StringComparer.Ordinal), listed); // in order
        Assert.Contains(faulty.Requests, r => r.Method == "GET" && r.Fault == EmulatorFault.Aborted);
        Assert.Contains(faulty.Requests, r => r.Method == "GET" && r.Fault == EmulatorFault.ServerError);
    }

    [Fact]
    public async Task A_create_cut_off_mid_response_is_not_sent_again()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { AbortRate = 1 });
        using CustomerAddressesClient client = ClientOf(emulator, o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.Customers.CreateAsync(new CreateCustomerRequest { Name = "Ann", Email = "ann@example.com" }));

        Assert.Single(emulator.Requests);
        Assert.Equal(EmulatorFault.Aborted, emulator.Requests[0].Fault);
        Assert.Equal(1, emulator.CustomerCount); // it was stored: the ambiguity the caller must resolve
    }

    [Fact]
    public async Task Injected_429s_and_delays_are_counted_and_survived()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions
        {
            Seed = 3,
            RateLimitRate = 0.3,
            RetryAfterSeconds = 0,
            LatencyRate = 0.3,
            Latency = TimeSpan.FromMilliseconds(20),
        });
        using CustomerAddressesClient client = ClientOf(emulator, o => o.Retry.MaxRetries = 10);

        (CustomerId customerId, List<string> ascending) = await CustomerWithAddresses(client, "limits@example.com", 30);
        List<Address> listed = await client.Addresses.ListAsync(customerId, new ListAddressesOptions { PerPage = 4, Order = SortOrder.Ascending }).ToListAsync();

        Assert.Equal(ascending, listed.Select(a => a.Id.Value));
        Assert.True(emulator.Statistics.RateLimits > 0 && emulator.Statistics.Delays > 0, emulator.Statistics.ToString());
        Assert.Equal(emulator.Statistics.RateLimits, emulator.Requests.Count(r => r.StatusCode == 429 && r.Fault == EmulatorFault.RateLimited));
        Assert.Equal(emulator.Requests.Count, emulator.Statistics.Requests);
        Assert.All(emulator.Requests.Where(r => r.Method == "POST").GroupBy(r => r.ClientRequestId), attempts =>
            Assert.True(attempts.Count(a => a.Fault != EmulatorFault.RateLimited) == 1, "a create is processed once, however often it was refused with 429"));
    }

    [Fact]
    public async Task Ids_have_the_documented_shapes()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using CustomerAddressesClient client = ClientOf(emulator);

        Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Name = "Ann", Email = "ann@example.com" });
        Address address = await client.Addresses.CreateAsync(customer.Id, new CreateAddressRequest { Region = "R", City = "C", Country = "US" });
        BillingAddress billing = await client.BillingAddresses.AddAsync(OrganizationId.Parse("org_1"), new AddBillingAddressRequest
        {
            Name = "HQ", Company = "Acme", AddressLine1 = "1 Road", City = "LA", State = "CA", PostalCode = "90210", Country = "US",
        });

        Assert.Matches("^ctm_[a-z0-9]{26}$", customer.Id.Value);
        Assert.Matches("^add_[a-z0-9]{26}$", address.Id.Value);
        Assert.Matches("^[0-9]{15,20}$", billing.Id.Value);
        Assert.True(AddressId.TryParse(address.Id.Value, out _));
    }
}
