// Paddle webhooks end to end, with no account: the emulator plays Paddle (it signs a webhook for every customer and
// address change and retries failed deliveries), a small ASP.NET Core app receives them with MapPaddleWebhooks, and
// the client makes the changes. The app keeps its own copy of the addresses in sync from the verified, typed events.
using System.Collections.Concurrent;
using System.Threading.Channels;
using CustomerAddresses.Client;
using CustomerAddresses.Client.Testing;

const string secretKey = "pdl_ntfset_01hsample_secret_key"; // on Paddle: the notification destination's secret key

// 1. The receiving app, as you would write it.
WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
builder.Services.AddPaddleWebhooks(o => o.SecretKeys.Add(secretKey));
await using WebApplication app = builder.Build();

var addresses = new ConcurrentDictionary<AddressId, Address>(); // the app's own copy
var seen = new ConcurrentDictionary<string, bool>(); // event ids already handled: Paddle may deliver one twice
Channel<PaddleWebhookEvent> handled = Channel.CreateUnbounded<PaddleWebhookEvent>();
app.MapPaddleWebhooks("/webhooks/paddle", async (webhook, cancellationToken) =>
{
    if (!seen.TryAdd(webhook.EventId, true))
    {
        return;
    }

    if (webhook is AddressWebhookEvent { Address: var address })
    {
        addresses[address.Id] = address;
    }

    await handled.Writer.WriteAsync(webhook, cancellationToken);
});
await app.StartAsync();
var webhookUrl = new Uri(app.Urls.First() + "/webhooks/paddle");
Console.WriteLine($"Receiving webhooks at {webhookUrl}");

// 2. Paddle, emulated, with the app's endpoint as a notification destination.
await using CustomerAddressesEmulator paddle = await CustomerAddressesEmulator.StartAsync();
paddle.AddWebhookDestination(webhookUrl, secretKey);
using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = paddle.BaseAddress, Dialect = ApiDialect.PaddleBilling });

async Task<PaddleWebhookEvent> Next()
{
    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
    PaddleWebhookEvent webhook = await handled.Reader.ReadAsync(timeout.Token);
    Console.WriteLine($"   <- {webhook.EventType} {webhook.EventId}, verified, occurred at {webhook.OccurredAt:O}");
    return webhook;
}

// 3. Changes, and the webhooks they cause.
Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = $"sam.{Guid.NewGuid():N}@example.com", Name = "Sam Miller" });
Console.WriteLine($"1. Created customer {customer.Id}");
await Next();
Address address = await client.Addresses.CreateAsync(customer.Id, new CreateAddressRequest
{
    Description = "Head Office", FirstLine = "4050 Jefferson Plaza, 41st Floor", City = "New York", PostalCode = "10021", Region = "NY", Country = CountryCode.UnitedStates,
});
Console.WriteLine($"2. Created address {address.Id} ({address.Description}, {address.City})");
await Next();
await client.Addresses.UpdateAsync(customer.Id, address.Id, new UpdateAddressRequest
{
    Description = "California Office", FirstLine = "5400 E Washington Drive, Floor 2", City = "San Jose", PostalCode = "95314", Region = "CA",
});
Console.WriteLine("3. Updated the address");
var updated = (AddressWebhookEvent)await Next();
Console.WriteLine($"   the app's copy is now: {addresses[address.Id].Description}, {addresses[address.Id].FirstLine}, {addresses[address.Id].City}");

await paddle.WaitForWebhooksAsync();
Console.WriteLine($"{paddle.WebhookDeliveries.Count} webhooks delivered, every one answered {string.Join(", ", paddle.WebhookDeliveries.Select(d => d.StatusCode).Distinct())}");
await app.StopAsync();
if (updated.Address.City != "San Jose" || addresses[address.Id].Description != "California Office")
{
    Console.Error.WriteLine("The update did not arrive as expected.");
    return 1;
}

Console.WriteLine("Done.");
return 0;
