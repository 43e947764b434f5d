using CustomerAddresses.Client.Testing;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.Bulk.Tests;

/// <summary>
/// Businesses in bulk, with the guarantees addresses have: each distinct business of a customer created once (an
/// identical active one on the server is used), the journal resuming a run whose create answers were lost, rows checked
/// by the client's own business validation; and an export that carries businesses and, when asked, saved payment
/// methods, which imports into an empty server identically.
/// </summary>
public sealed class BusinessBulkTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bulk-business-").FullName;
    private CustomerAddressesEmulator _emulator = null!;
    private CustomerAddressesClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RecordRequests = false });
        _client = Client(_emulator.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static CustomerAddressesClient Client(Uri baseAddress, ApiDialect dialect = ApiDialect.PaddleBilling) =>
        new(new CustomerAddressesClientOptions { BaseAddress = baseAddress, Dialect = dialect });

    private static BulkImportRow Business(long line, string email, string name, params BusinessContact[] contacts) =>
        new() { LineNumber = line, Email = email, BusinessName = name, CompanyNumber = "123456789", TaxIdentifier = "AB0123456789", BusinessContacts = contacts };

    private static readonly BusinessContact s_parker = new() { Name = "Parker Jones", Email = "parker@example.com" };
    private static readonly BusinessContact s_jo = new() { Email = "jo@example.com" };

    private async Task<(BulkProgress Result, List<BulkRejectedRow> Rejected)> Import(IEnumerable<BulkImportRow> rows, CustomerAddressesClient? client = null, string journal = "customers.journal", bool dryRun = false)
    {
        var rejected = new List<BulkRejectedRow>();
        BulkProgress result = await new BulkClient(client ?? _client).ImportAsync(rows.ToAsyncEnumerable(), new BulkImportOptions
        {
            JournalPath = dryRun ? null : Path.Combine(_directory, journal),
            DryRun = dryRun,
            SettleDelay = TimeSpan.Zero,
            OnRejected = (r, _) =>
            {
                rejected.Add(r);
                return ValueTask.CompletedTask;
            },
        });
        return (result, rejected);
    }

    [Fact]
    public async Task Each_distinct_business_of_a_customer_is_created_once_and_an_import_again_finds_them_all()
    {
        BulkImportRow[] rows =
        [
            Business(2, "ann@example.com", "ChatApp Inc.", s_parker, s_jo) with { Name = "Ann", Country = "US", City = "New York" },
            Business(3, "ann@example.com", "ChatApp Inc.", s_parker, s_jo),      // the same business: not created again
            Business(4, "ANN@example.com", "ChatApp Inc.", s_jo, s_parker),      // contacts in another order: another business
            Business(5, "bo@example.com", "Globex"),
            new BulkImportRow { LineNumber = 6, Email = "cy@example.com", Country = "GB", City = "York" },
        ];

        (BulkProgress first, List<BulkRejectedRow> rejected) = await Import(rows);
        (BulkProgress again, _) = await Import(rows, journal: "another.journal");

        Assert.Empty(rejected);
        Assert.Equal((3L, 0L, 0L), (first.BusinessesCreated, first.BusinessesFound, first.Rejected)); // line 3's was this import's own
        Assert.Equal((0L, 4L, 0L), (again.BusinessesCreated, again.BusinessesFound, again.AddressesCreated));
        CustomerId ann = (await _client.Customers.ListAsync(new ListCustomersOptions { Emails = ["ann@example.com"] }).FirstAsync()).Id;
        List<Business> businesses = await _client.Businesses.ListAsync(ann).ToListAsync();
        Assert.Equal(2, businesses.Count);
        Assert.All(businesses, b => Assert.Equal(("ChatApp Inc.", "123456789", "AB0123456789"), (b.Name, b.CompanyNumber, b.TaxIdentifier)));
        Assert.Equal(
            ["(no name) <jo@example.com>, Parker Jones <parker@example.com>", "Parker Jones <parker@example.com>, (no name) <jo@example.com>"],
            businesses.Select(b => string.Join(", ", b.Contacts!.Select(c => $"{c.Name ?? "(no name)"} <{c.Email}>"))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Business_creates_whose_answers_were_lost_are_resolved_from_the_server_and_never_doubled()
    {
        await using var cutting = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RecordRequests = false, Seed = 5, AbortRate = 0.3 });
        using CustomerAddressesClient client = TestClient(cutting.BaseAddress);
        BulkImportRow[] rows = [.. Enumerable.Range(0, 24).Select(i => Business(i + 2, $"c{i % 6}@example.com", $"Business {i % 4}", s_parker))];

        (BulkProgress result, List<BulkRejectedRow> rejected) = await Import(rows, client);

        Assert.Empty(rejected);
        using CustomerAddressesClient reader = Client(cutting.BaseAddress);
        await foreach (Customer customer in reader.Customers.ListAsync())
        {
            string[] names = [.. (await reader.Businesses.ListAsync(customer.Id).ToListAsync()).Select(b => b.Name!).Order(StringComparer.Ordinal)];
            int i = int.Parse(customer.Email!.AsSpan(1, 1), provider: null);
            Assert.Equal([.. Enumerable.Range(0, 24).Where(r => r % 6 == i).Select(r => $"Business {r % 4}").Distinct().Order(StringComparer.Ordinal)], names);
        }

        Assert.Equal(12L, result.BusinessesCreated); // 6 customers, 2 distinct names each
        Assert.True(client.Statistics.Retries > 0, "the emulator cut answers off, and the client asked again");
    }

    /// <summary>A client that retries a create whose answer was cut off only by asking the server (as the import does), quickly.</summary>
    private static CustomerAddressesClient TestClient(Uri baseAddress) => new(new CustomerAddressesClientOptions
    {
        BaseAddress = baseAddress,
        Dialect = ApiDialect.PaddleBilling,
        Retry = { MaxRetries = 10, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.FromMilliseconds(1) },
    });

    [Fact]
    public async Task Business_rows_are_checked_by_the_clients_business_validation_naming_the_column()
    {
        (_, List<BulkRejectedRow> rejected) = await Import(
        [
            new BulkImportRow { LineNumber = 2, Email = "a@example.com", CompanyNumber = "123" },
            Business(3, "b@example.com", "Acme", new BusinessContact { Email = "accounts.example.com" }),
            Business(4, "c@example.com", "Acme", s_parker, s_parker),
            Business(5, "d@example.com", new string('x', 1025)),
        ], dryRun: true);

        Assert.Equal([2L, 3L, 4L, 5L], rejected.Select(r => r.Row.LineNumber));
        Assert.Equal("business_name is required for a business.", rejected[0].Reason);
        Assert.StartsWith("business_contacts[0].Email must be an email address", rejected[1].Reason, StringComparison.Ordinal);
        Assert.StartsWith("business_contacts[1] repeats an earlier contact", rejected[2].Reason, StringComparison.Ordinal);
        Assert.StartsWith("business_name must be at most 1024 characters", rejected[3].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("accounts.example.com", rejected[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_business_row_on_a_server_without_businesses_is_rejected_before_any_request()
    {
        using CustomerAddressesClient apiV1 = Client(_emulator.ApiV1BaseAddress, ApiDialect.CustomersApiV1);

        (BulkProgress result, List<BulkRejectedRow> rejected) = await Import([Business(2, "a@example.com", "Acme") with { Name = "A" }, new BulkImportRow { LineNumber = 3, Email = "b@example.com", Name = "B" }], apiV1);

        Assert.Equal(2L, Assert.Single(rejected).Row.LineNumber);
        Assert.Equal("business_name, company_number, tax_identifier and business_contacts are for a business, which /api/v1 does not have (Paddle Billing does).", rejected[0].Reason);
        Assert.Equal(1L, result.CustomersCreated);
        Assert.Equal(1L, apiV1.Statistics.Requests); // b's create; nothing for a's row
    }

    [Fact]
    public async Task An_export_with_businesses_imports_into_an_empty_server_identically()
    {
        CustomerId ann = (await _client.Customers.CreateAsync(new CreateCustomerRequest { Email = "ann@example.com", Name = "Ann Lee", Locale = "en" })).Id;
        CustomerId bo = (await _client.Customers.CreateAsync(new CreateCustomerRequest { Email = "bo@example.com" })).Id;
        await _client.Customers.CreateAsync(new CreateCustomerRequest { Email = "cy@example.com", Name = "Cy" });
        await _client.Addresses.CreateAsync(ann, new CreateAddressRequest { Country = new CountryCode("US"), FirstLine = "4050 Jefferson Plaza", SecondLine = "41st Floor", City = "Astoria", PostalCode = "11105-1803", Region = "NY", Description = "Head Office" });
        await _client.Addresses.CreateAsync(ann, new CreateAddressRequest { Country = new CountryCode("GB"), City = "York" });
        await _client.Businesses.CreateAsync(ann, new CreateBusinessRequest { Name = "ChatApp Inc.", CompanyNumber = "555775291485", TaxIdentifier = "555952383", Contacts = [s_parker, s_jo] });
        await _client.Businesses.CreateAsync(ann, new CreateBusinessRequest { Name = "ChatApp Europe" });
        await _client.Businesses.CreateAsync(bo, new CreateBusinessRequest { Name = "Globex", Contacts = [s_jo] });
        List<BulkExportRecord> records = await new BulkClient(_client).ExportAsync().ToListAsync();

        await using var empty = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RecordRequests = false });
        using CustomerAddressesClient target = Client(empty.BaseAddress);
        (BulkProgress result, List<BulkRejectedRow> rejected) = await Import(records.Select((r, i) => Row(i + 2, r)), target, "target.journal");

        Assert.Equal(6, records.Count); // 2 addresses and 2 businesses of Ann, 1 business of Bo, Cy alone
        Assert.Equal(["ChatApp Inc.", "ChatApp Europe"], records.Where(r => r.Customer.Id == ann && r.Business is not null).Select(r => r.Business!.Name));
        Assert.Empty(rejected);
        Assert.Equal((3L, 2L, 3L), (result.CustomersCreated, result.AddressesCreated, result.BusinessesCreated));
        Assert.Equal(await CustomerGraph.LinesAsync(_client), await CustomerGraph.LinesAsync(target));
    }

    /// <summary>An export record as an import row, as a file carries it.</summary>
    private static BulkImportRow Row(long line, BulkExportRecord record) => new()
    {
        LineNumber = line,
        Email = record.Customer.Email,
        Name = record.Customer.Name,
        Locale = record.Customer.Locale,
        Country = record.Address?.Country?.Value,
        Description = record.Address?.Description,
        FirstLine = record.Address?.FirstLine,
        SecondLine = record.Address?.SecondLine,
        City = record.Address?.City,
        PostalCode = record.Address?.PostalCode,
        Region = record.Address?.Region,
        BusinessName = record.Business?.Name,
        CompanyNumber = record.Business?.CompanyNumber,
        TaxIdentifier = record.Business?.TaxIdentifier,
        BusinessContacts = record.Business?.Contacts,
    };

    [Fact]
    public async Task Saved_payment_methods_are_exported_only_when_asked_and_archived_businesses_only_with_the_archived()
    {
        CustomerId ann = (await _client.Customers.CreateAsync(new CreateCustomerRequest { Email = "ann@example.com" })).Id;
        AddressId home = (await _client.Addresses.CreateAsync(ann, new CreateAddressRequest { Country = new CountryCode("US") })).Id;
        string card = _emulator.SavePaymentMethod(ann.Value, home.Value);
        string paypal = _emulator.SavePaymentMethod(ann.Value, home.Value, "paypal");
        BusinessId old = (await _client.Businesses.CreateAsync(ann, new CreateBusinessRequest { Name = "Old Ltd" })).Id;
        await _client.Businesses.ArchiveAsync(ann, old);
        var bulk = new BulkClient(_client);

        List<BulkExportRecord> plain = await bulk.ExportAsync().ToListAsync();
        List<BulkExportRecord> whole = await bulk.ExportAsync(new BulkExportOptions { IncludeArchived = true, IncludePaymentMethods = true }).ToListAsync();
        List<BulkExportRecord> noBusinesses = await bulk.ExportAsync(new BulkExportOptions { IncludeArchived = true, IncludeBusinesses = false }).ToListAsync();

        Assert.Equal([home], plain.Select(r => r.Address!.Id));
        Assert.Equal(
            [$"address {home}", $"business {old}", $"payment method {card}", $"payment method {paypal}"],
            whole.Select(r => r.Address is { } a ? $"address {a.Id}" : r.Business is { } b ? $"business {b.Id}" : $"payment method {r.PaymentMethod!.Id}"));
        PaymentMethod saved = whole[2].PaymentMethod!;
        Assert.Equal((PaymentMethodType.Card, home, "4242"), (saved.Type!.Value, saved.AddressId!.Value, saved.Card!.Last4));
        Assert.Equal([home], noBusinesses.Select(r => r.Address!.Id));
    }

    [Fact]
    public async Task An_export_of_a_server_without_businesses_lists_no_businesses_and_sends_nothing_for_them()
    {
        using CustomerAddressesClient apiV1 = Client(_emulator.ApiV1BaseAddress, ApiDialect.CustomersApiV1);
        CustomerId id = (await apiV1.Customers.CreateAsync(new CreateCustomerRequest { Email = "v1@example.com", Name = "V One" })).Id;
        long before = apiV1.Statistics.Requests;

        List<BulkExportRecord> records = await new BulkClient(apiV1).ExportAsync(new BulkExportOptions { IncludePaymentMethods = true }).ToListAsync();

        Assert.Equal(id, Assert.Single(records).Customer.Id);
        Assert.Equal(2L, apiV1.Statistics.Requests - before); // the customers page and the customer's addresses
    }
}
