using System.Net;
using System.Text;
using CustomerAddresses.Client.Testing;
using CustomerAddresses.Client.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>
/// Webhooks end to end: the emulator signs and sends them as Paddle does, the ASP.NET Core endpoint verifies the raw
/// body and hands over typed events, and deliveries that fail are retried on the emulator's clock.
/// </summary>
public sealed class WebhookTests
{
    private const string Secret = "pdl_ntfset_01hv8h6jj90jjz0d71m6hj4r9z_test";

    private static CustomerAddressesClient PaddleClient(CustomerAddressesEmulator emulator) =>
        TestClients.Create(emulator.BaseAddress, o => o.Dialect = ApiDialect.PaddleBilling);

    [Fact]
    public async Task Every_customer_and_address_change_arrives_verified_and_typed()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync(TimeProvider.System, Secret);
        emulator.AddWebhookDestination(receiver.Url, Secret);
        using CustomerAddressesClient client = PaddleClient(emulator);

        Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "sync@example.com", Name = "Sync" });
        var created = Assert.IsType<CustomerWebhookEvent>(await receiver.NextAsync());
        Address address = await client.Addresses.CreateAsync(customer.Id, new CreateAddressRequest { Country = "US", City = "New York", Description = "Head Office" });
        var addressCreated = Assert.IsType<AddressWebhookEvent>(await receiver.NextAsync());
        Address moved = await client.Addresses.UpdateAsync(customer.Id, address.Id, new UpdateAddressRequest { Description = "California Office", City = "San Jose" });
        var addressUpdated = Assert.IsType<AddressWebhookEvent>(await receiver.NextAsync());
        await client.Customers.ArchiveAsync(customer.Id);
        var archived = Assert.IsType<CustomerWebhookEvent>(await receiver.NextAsync());

        Assert.Equal(PaddleWebhookEventTypes.CustomerCreated, created.EventType);
        Assert.Equal(customer, created.Customer);
        Assert.Equal(PaddleWebhookEventTypes.AddressCreated, addressCreated.EventType);
        Assert.Equal(address, addressCreated.Address);
        Assert.Equal(PaddleWebhookEventTypes.AddressUpdated, addressUpdated.EventType);
        Assert.Equal(moved, addressUpdated.Address);
        Assert.Equal("California Office", addressUpdated.Address.Description);
        Assert.Equal(PaddleWebhookEventTypes.CustomerUpdated, archived.EventType);
        Assert.Equal(CustomerStatus.Archived, archived.Customer.Status);
        Assert.Matches("^evt_[0-9a-hjkmnp-tv-z]{26}$", addressUpdated.EventId);
        Assert.Matches("^ntf_[0-9a-hjkmnp-tv-z]{26}$", addressUpdated.NotificationId);
        Assert.True(addressUpdated.OccurredAt > addressCreated.OccurredAt);
        await emulator.WaitForWebhooksAsync();
        Assert.All(emulator.WebhookDeliveries, d => Assert.Equal(200, d.StatusCode));
    }

    [Fact]
    public async Task Business_and_payment_method_changes_arrive_verified_and_typed_in_the_ASP_NET_Core_endpoint()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync(TimeProvider.System, Secret);
        using CustomerAddressesClient client = PaddleClient(emulator);
        Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "b2b@example.com" });
        emulator.AddWebhookDestination(receiver.Url, Secret);

        Business business = await client.Businesses.CreateAsync(customer.Id, new CreateBusinessRequest { Name = "Uplift Inc." });
        var created = Assert.IsType<BusinessWebhookEvent>(await receiver.NextAsync());
        await client.Businesses.ArchiveAsync(customer.Id, business.Id);
        var archived = Assert.IsType<BusinessWebhookEvent>(await receiver.NextAsync());
        var saved = PaymentMethodId.Parse(emulator.SavePaymentMethod(customer.Id.Value));
        var savedEvent = Assert.IsType<PaymentMethodWebhookEvent>(await receiver.NextAsync());
        await client.PaymentMethods.DeleteAsync(customer.Id, saved);
        var deleted = Assert.IsType<PaymentMethodWebhookEvent>(await receiver.NextAsync());

        Assert.Equal((PaddleWebhookEventTypes.BusinessCreated, business.Id), (created.EventType, created.Business.Id));
        Assert.Equal((PaddleWebhookEventTypes.BusinessUpdated, BusinessStatus.Archived), (archived.EventType, archived.Business.Status!.Value));
        Assert.Equal((PaddleWebhookEventTypes.PaymentMethodSaved, saved, null), (savedEvent.EventType, savedEvent.PaymentMethod.Id, savedEvent.DeletionReason));
        Assert.Equal((PaddleWebhookEventTypes.PaymentMethodDeleted, saved, "api"), (deleted.EventType, deleted.PaymentMethod.Id, deleted.DeletionReason));
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_on_the_emulators_clock_until_it_is_accepted()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions
        {
            TimeProvider = clock,
            WebhookRetryDelays = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)],
        });
        await using var receiver = await WebhookReceiver.StartAsync(clock, Secret);
        receiver.FailNext = 2;
        emulator.AddWebhookDestination(receiver.Url, Secret);
        using CustomerAddressesClient client = PaddleClient(emulator);

        await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "retry@example.com" });
        await Attempts(emulator, 1);
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Single(emulator.WebhookDeliveries); // not before the first delay has passed
        clock.Advance(TimeSpan.FromSeconds(1));
        await Attempts(emulator, 2);
        clock.Advance(TimeSpan.FromMinutes(5));
        var delivered = Assert.IsType<CustomerWebhookEvent>(await receiver.NextAsync());
        await emulator.WaitForWebhooksAsync();

        Assert.Equal([500, 500, 200], emulator.WebhookDeliveries.Select(d => d.StatusCode));
        Assert.Equal([1, 2, 3], emulator.WebhookDeliveries.Select(d => d.Attempt));
        Assert.Single(emulator.WebhookDeliveries.Select(d => (d.EventId, d.NotificationId)).Distinct()); // one notification, three attempts
        Assert.Equal(delivered.EventId, emulator.WebhookDeliveries[0].EventId);
    }

    [Fact]
    public async Task A_destination_that_never_accepts_gets_one_attempt_per_retry_delay_and_no_more()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions
        {
            TimeProvider = clock,
            WebhookRetryDelays = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)],
        });
        await using var receiver = await WebhookReceiver.StartAsync(clock, "pdl_ntfset_a_different_secret");
        emulator.AddWebhookDestination(receiver.Url, Secret); // the receiver cannot verify: 401 every time
        using CustomerAddressesClient client = PaddleClient(emulator);

        await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "forged@example.com" });
        await Attempts(emulator, 1);
        clock.Advance(TimeSpan.FromMinutes(1));
        await Attempts(emulator, 2);
        clock.Advance(TimeSpan.FromMinutes(2));
        await Attempts(emulator, 3);
        await emulator.WaitForWebhooksAsync();
        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal([401, 401, 401], emulator.WebhookDeliveries.Select(d => d.StatusCode));
        Assert.Equal(0, receiver.Received.Reader.Count);
    }

    /// <summary>Waits (on real time, briefly) until the emulator has recorded this many attempts.</summary>
    private static async Task Attempts(CustomerAddressesEmulator emulator, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (emulator.WebhookDeliveries.Count < count)
        {
            await Task.Delay(10, timeout.Token);
        }

        Assert.Equal(count, emulator.WebhookDeliveries.Count);
    }

    [Fact]
    public async Task The_endpoint_answers_as_paddle_expects()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2023, 8, 18, 12, 30, 0, TimeSpan.Zero));
        await using var receiver = await WebhookReceiver.StartAsync(clock, Secret);
        using var http = new HttpClient();
        byte[] body = Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "paddle-webhooks", "address-updated.json")));

        async Task<HttpStatusCode> Post(byte[] content, string? signature)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, receiver.Url) { Content = new ByteArrayContent(content) };
            if (signature is not null)
            {
                request.Headers.TryAddWithoutValidation("Paddle-Signature", signature);
            }

            using HttpResponseMessage response = await http.SendAsync(request);
            return response.StatusCode;
        }

        string signature = PaddleWebhookSigner.Sign(body, Secret, clock.GetUtcNow());
        byte[] tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("San Jose", "San Juan", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, await Post(body, signature));
        Assert.Equal("address.updated", (await receiver.NextAsync()).EventType);
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(tampered, signature));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(body, PaddleWebhookSigner.Sign(body, "pdl_ntfset_wrong", clock.GetUtcNow())));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(body, PaddleWebhookSigner.Sign(body, Secret, clock.GetUtcNow().AddSeconds(-6))));
        Assert.Equal(HttpStatusCode.BadRequest, await Post(body, null));
        Assert.Equal(HttpStatusCode.BadRequest, await Post(body, "h1=00"));
        byte[] notAnEvent = "{}"u8.ToArray();
        Assert.Equal(HttpStatusCode.BadRequest, await Post(notAnEvent, PaddleWebhookSigner.Sign(notAnEvent, Secret, clock.GetUtcNow())));
        byte[] huge = new byte[2 * 1024 * 1024];
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await Post(huge, PaddleWebhookSigner.Sign(huge, Secret, clock.GetUtcNow())));
        Assert.Equal(0, receiver.Received.Reader.Count); // only the genuine one reached the handler
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_endpoint_takes_a_body_of_exactly_1_MiB_and_refuses_one_byte_more(bool declaresLength)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2023, 8, 18, 12, 30, 0, TimeSpan.Zero));
        await using var receiver = await WebhookReceiver.StartAsync(clock, Secret);
        using var http = new HttpClient();
        string fixture = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "paddle-webhooks", "address-updated.json"));

        async Task<HttpStatusCode> Post(int size)
        {
            byte[] body = Encoding.UTF8.GetBytes(fixture.PadRight(size)); // JSON allows trailing white space
            Assert.Equal(size, body.Length);
            HttpContent content = declaresLength ? new ByteArrayContent(body) : new StreamContent(new UnknownLengthStream(body));
            using var request = new HttpRequestMessage(HttpMethod.Post, receiver.Url) { Content = content };
            request.Headers.TryAddWithoutValidation("Paddle-Signature", PaddleWebhookSigner.Sign(body, Secret, clock.GetUtcNow()));
            using HttpResponseMessage response = await http.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await Post(1024 * 1024));
        Assert.Equal("address.updated", (await receiver.NextAsync()).EventType);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await Post((1024 * 1024) + 1));
    }

    /// <summary>A body sent chunked: the endpoint learns its size only by reading it.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
