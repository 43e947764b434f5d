// The client as a NativeAOT program: every endpoint against a server given on the command line (the emulator
// in another process in CI), printing the time from start to the first response.
using System.Diagnostics;
using CustomerAddresses.Client;

long started = Stopwatch.GetTimestamp();
ApiDialect? dialect = null; // by default, from the host; the emulator's root speaks PaddleBilling
if (args.Length == 2 && Enum.TryParse(args[1], out ApiDialect parsed) && Enum.IsDefined(parsed))
{
    dialect = parsed;
}

if (args.Length is < 1 or > 2 || !Uri.TryCreate(args[0], UriKind.Absolute, out Uri? baseAddress) || (args.Length == 2 && dialect is null))
{
    Console.Error.WriteLine("usage: AotSmoke <base-url> [PaddleBilling|CustomersApiV1]");
    return 2;
}

try
{
    using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = baseAddress, Dialect = dialect });
    Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Name = "Aot", Email = $"aot.{Guid.NewGuid():N}@example.com" });
    double firstResponseMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    for (int i = 0; i < 3; i++)
    {
        await client.Addresses.CreateAsync(customer.Id, new CreateAddressRequest { Region = "R", City = $"City {i}", Country = CountryCode.UnitedStates });
    }

    int listed = 0;
    await foreach (Address address in client.Addresses.ListAsync(customer.Id, new ListAddressesOptions { PerPage = 2 }))
    {
        listed++;
    }

    BillingAddress billing = await client.BillingAddresses.AddAsync(OrganizationId.Parse("org_aot"), new AddBillingAddressRequest
    {
        Name = "HQ", Company = "Aot Ltd", AddressLine1 = "1 Road", City = "Oslo", State = "Oslo", PostalCode = "0150", Country = "NO",
    });

    BillingAddress replaced = await client.BillingAddresses.ReplaceAsync(OrganizationId.Parse("org_aot"), billing.Id, new ReplaceBillingAddressRequest
    {
        Address = "2 Road", City = "Oslo", State = "Oslo", PostalCode = "0151", Country = "NO",
    });
    await client.BillingAddresses.DeleteAsync(OrganizationId.Parse("org_aot"), billing.Id);
    int billingLeft = await client.BillingAddresses.ListAsync(OrganizationId.Parse("org_aot")).CountAsync();

    try
    {
        await client.Customers.CreateAsync(new CreateCustomerRequest { Name = "Aot", Email = customer.Email! });
        Console.Error.WriteLine("expected a conflict");
        return 1;
    }
    catch (ConflictException conflict) when (conflict.ExistingCustomerId == customer.Id)
    {
    }

    Console.WriteLine($"AOT: customer {customer.Id}, {listed} addresses listed, billing {billing.Id} replaced ({replaced.AddressLine1}) and deleted, conflict caught; first response after {firstResponseMs:0} ms");
    return listed == 3 && billingLeft == 0 ? 0 : 1;
}
catch (Exception e) when (e is CustomerAddressesApiException or HttpRequestException or TimeoutException)
{
    Console.Error.WriteLine($"AotSmoke failed: {e.GetType().Name}: {e.Message}");
    return 1;
}
