// The SDK end to end: create, get and find a customer, add 120 addresses, page through them, search, manage an
// organization's billing address, see a duplicate email refused, then update and archive the customer. With no
// settings it runs on the in-memory emulator; set CUSTOMERADDRESSES_BASE_URL (and CUSTOMERADDRESSES_API_KEY,
// CUSTOMERADDRESSES_SESSION_TOKEN, CUSTOMERADDRESSES_ORGANIZATION_ID) to use a real server.
using System.Text.Json.Nodes;
using CustomerAddresses.Client;
using CustomerAddresses.Client.Testing;

string? baseUrl = Environment.GetEnvironmentVariable("CUSTOMERADDRESSES_BASE_URL");
Console.WriteLine(string.IsNullOrEmpty(baseUrl) ? "QuickStart: starting the in-memory emulator..." : "QuickStart: starting...");
await using CustomerAddressesEmulator? emulator = string.IsNullOrEmpty(baseUrl) ? await CustomerAddressesEmulator.StartAsync() : null;
Uri baseAddress = emulator?.BaseAddress ?? new Uri(baseUrl!);
Console.WriteLine(emulator is null
    ? $"Using the API at {baseAddress}"
    : $"Started the in-memory emulator at {baseAddress} (set CUSTOMERADDRESSES_BASE_URL to use a real server)");

try
{
    using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions
    {
        BaseAddress = baseAddress,
        // The emulator's root speaks Paddle's dialect; a real server's dialect follows from its host (Paddle's hosts,
        // or the /api/v1 API anywhere else). The calls below are valid in both.
        Dialect = emulator is null ? null : ApiDialect.PaddleBilling,
        ApiKey = Environment.GetEnvironmentVariable("CUSTOMERADDRESSES_API_KEY"),
        SessionToken = Environment.GetEnvironmentVariable("CUSTOMERADDRESSES_SESSION_TOKEN"),
    });

    // 1. A customer. The email is unique per run, so the sample can run again against a real server.
    string email = $"ada.{Guid.NewGuid():N}@example.com";
    Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest
    {
        Name = "Ada Lovelace",
        Email = email,
        CustomData = new JsonObject { ["crm_id"] = "quickstart" },
    });
    Console.WriteLine($"1. Created customer {customer.Id} ({customer.Name}, {customer.Status})");
    Customer fetched = await client.Customers.GetAsync(customer.Id);
    int sameEmail = await client.Customers.ListAsync(new ListCustomersOptions { Emails = [email] }).CountAsync();
    Console.WriteLine($"   got it back ({fetched.Email == email}), and {sameEmail} customer has that email");

    // 2. 120 addresses; every tenth is an office.
    string[] cities = ["London", "Leeds", "Bristol", "York", "Bath"];
    for (int i = 1; i <= 120; i++)
    {
        await client.Addresses.CreateAsync(customer.Id, new CreateAddressRequest
        {
            Region = "England",
            City = cities[i % cities.Length],
            Country = CountryCode.UnitedKingdom,
            Description = i % 10 == 0 ? $"Office {i}" : $"Home {i}",
        });
    }

    Console.WriteLine("2. Added 120 addresses");

    // 3. All of them, page by page: the SDK follows the cursor and stops on has_more = false.
    Console.WriteLine("3. Listing every address, 50 per page:");
    int pages = 0;
    int listed = 0;
    await foreach (Page<Address> page in client.Addresses.ListAsync(customer.Id, new ListAddressesOptions { PerPage = 50, Order = SortOrder.Ascending }).AsPages())
    {
        pages++;
        listed += page.Items.Count;
        Console.WriteLine($"   page {pages}: {page.Items.Count} addresses, {listed} of about {page.EstimatedTotal} so far");
    }

    // 4. A search, item by item.
    var offices = new List<Address>();
    await foreach (Address address in client.Addresses.ListAsync(customer.Id, new ListAddressesOptions { Search = "Office", Order = SortOrder.Ascending }))
    {
        offices.Add(address);
    }

    Console.WriteLine($"4. Search \"Office\" found {offices.Count} addresses: {string.Join(", ", offices.Take(3).Select(a => a.Description))}, ...");

    // 5. An organization's billing address (the endpoints sign in with the session cookie on real servers), then its
    //    list, a replace and a delete. On a real server, set CUSTOMERADDRESSES_ORGANIZATION_ID to an organization you manage.
    var organization = OrganizationId.Parse(emulator?.CreateOrganization() ?? Environment.GetEnvironmentVariable("CUSTOMERADDRESSES_ORGANIZATION_ID") ?? "0");
    BillingAddress billing = await client.BillingAddresses.AddAsync(organization, new AddBillingAddressRequest
    {
        Name = "Head Office",
        Company = "Analytical Engines Ltd",
        AddressLine1 = "12 St James's Square",
        City = "London",
        State = "Greater London",
        PostalCode = "SW1Y 4JH",
        Country = CountryCode.UnitedKingdom,
        IsDefault = true,
    });
    Console.WriteLine($"5. Added billing address {billing.Id} for {billing.Company} (default: {billing.IsDefault})");
    BillingAddress moved = await client.BillingAddresses.ReplaceAsync(organization, billing.Id, new ReplaceBillingAddressRequest
    {
        Address = "1 Carlton House Terrace",
        City = "London",
        State = "Greater London",
        PostalCode = "SW1Y 5AF",
        Country = CountryCode.UnitedKingdom,
    });
    int billingCount = await client.BillingAddresses.ListAsync(organization).CountAsync();
    await client.BillingAddresses.DeleteAsync(organization, billing.Id);
    Console.WriteLine($"   replaced it with {moved.AddressLine1}, listed {billingCount}, deleted it");

    // 6. The same email again: the server refuses it and names the customer that has it.
    try
    {
        await client.Customers.CreateAsync(new CreateCustomerRequest { Name = "Ada Again", Email = email });
        Console.Error.WriteLine("6. Expected the duplicate email to be refused, but it was accepted.");
        return 1;
    }
    catch (ConflictException conflict)
    {
        Console.WriteLine($"6. Duplicate email refused ({conflict.ErrorCode}); the existing customer is {conflict.ExistingCustomerId}");
        if (conflict.ExistingCustomerId != customer.Id)
        {
            Console.Error.WriteLine($"   Expected the existing customer to be {customer.Id}.");
            return 1;
        }
    }

    // 7. Update (set one member, clear another, leave the rest) and archive: the API has no delete.
    Customer renamed = await client.Customers.UpdateAsync(customer.Id, new UpdateCustomerRequest { Name = "Augusta Ada King", CustomData = null });
    Customer archived = await client.Customers.ArchiveAsync(customer.Id);
    Console.WriteLine($"7. Renamed to {renamed.Name} (custom data cleared: {renamed.CustomData is null}), then {archived.Status}");

    if (listed != 120 || pages != 3 || offices.Count != 12)
    {
        Console.Error.WriteLine($"Expected 120 addresses in 3 pages and 12 offices; got {listed} in {pages} pages and {offices.Count} offices.");
        return 1;
    }

    Console.WriteLine("Done.");
    return 0;
}
catch (Exception e) when (e is CustomerAddressesApiException or HttpRequestException or TimeoutException or ArgumentException)
{
    Console.Error.WriteLine($"QuickStart failed: {e.GetType().Name}: {e.Message}");
    return 1;
}
