// The SDK in a generic host: configured from appsettings.json (section "CustomerAddresses"), resolved from the
// container, and every request logged by IHttpClientFactory (header values redacted). An empty BaseAddress starts
// the in-memory emulator; set CustomerAddresses__BaseAddress (and CustomerAddresses__ApiKey) for a real server.
using CustomerAddresses.Client;
using CustomerAddresses.Client.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// appsettings.json sits beside the program, wherever it is started from.
HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
await using CustomerAddressesEmulator? emulator = string.IsNullOrEmpty(builder.Configuration["CustomerAddresses:BaseAddress"])
    ? await CustomerAddressesEmulator.StartAsync()
    : null;
if (emulator is not null)
{
    builder.Configuration["CustomerAddresses:BaseAddress"] = emulator.BaseAddress.ToString();
    builder.Configuration["CustomerAddresses:Dialect"] = nameof(ApiDialect.PaddleBilling); // the emulator's root speaks Paddle's dialect
}

builder.Services.AddCustomerAddressesClient(builder.Configuration.GetSection("CustomerAddresses"));

using IHost host = builder.Build();
await host.StartAsync(); // validates the options: a bad BaseAddress stops here with a clear message

ILogger logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Sample");
CustomerAddressesClient client = host.Services.GetRequiredService<CustomerAddressesClient>();

Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Name = "Grace Hopper", Email = $"grace.{Guid.NewGuid():N}@example.com" });
logger.LogInformation("Created customer {CustomerId}", customer.Id);

for (int i = 1; i <= 3; i++)
{
    await client.Addresses.CreateAsync(customer.Id, new CreateAddressRequest { Region = "Virginia", City = "Arlington", Country = CountryCode.UnitedStates, Description = $"Address {i}" });
}

int count = 0;
await foreach (Address address in client.Addresses.ListAsync(customer.Id, new ListAddressesOptions { PerPage = 2 }))
{
    count++;
    logger.LogInformation("Listed {AddressId} ({Description})", address.Id, address.Description);
}

await host.StopAsync();
return count == 3 ? 0 : 1;
