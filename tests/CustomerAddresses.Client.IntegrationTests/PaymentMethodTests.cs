using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>Saved payment methods through the SDK against the emulator: saved as a checkout would, listed by Paddle's filters, got, deleted once, with Paddle's events.</summary>
public sealed class PaymentMethodTests : PaddleEmulatorTests
{
    [Fact]
    public async Task Saved_payment_methods_are_listed_by_address_and_checkout_got_and_deleted_once()
    {
        Customer customer = await Client.Customers.CreateAsync(new CreateCustomerRequest { Email = "card@example.com" });
        Address home = await Client.Addresses.CreateAsync(customer.Id, new CreateAddressRequest { Country = "GB" });
        Address office = await Client.Addresses.CreateAsync(customer.Id, new CreateAddressRequest { Country = "GB" });
        var card = PaymentMethodId.Parse(Emulator.SavePaymentMethod(customer.Id.Value));
        var paypal = PaymentMethodId.Parse(Emulator.SavePaymentMethod(customer.Id.Value, office.Id.Value, "paypal"));
        var upi = PaymentMethodId.Parse(Emulator.SavePaymentMethod(customer.Id.Value, office.Id.Value, "upi"));

        List<PaymentMethod> all = await Client.PaymentMethods.ListAsync(customer.Id, new ListPaymentMethodsOptions { Order = SortOrder.Ascending, PerPage = 2 }).ToListAsync();
        List<PaymentMethod> atOffice = await Client.PaymentMethods.ListAsync(customer.Id, new ListPaymentMethodsOptions { AddressIds = [office.Id] }).ToListAsync();
        List<PaymentMethod> atCheckout = await Client.PaymentMethods.ListAsync(customer.Id, new ListPaymentMethodsOptions { SupportsCheckout = true }).ToListAsync();
        PaymentMethod got = await Client.PaymentMethods.GetAsync(customer.Id, card);
        await Client.PaymentMethods.DeleteAsync(customer.Id, card);
        var again = await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client.PaymentMethods.DeleteAsync(customer.Id, card));
        List<PaymentMethod> left = await Client.PaymentMethods.ListAsync(customer.Id).ToListAsync();

        Assert.Equal([card, paypal, upi], all.Select(m => m.Id));
        Assert.Equal([upi, paypal], atOffice.Select(m => m.Id)); // newest first by default
        Assert.Equal([paypal, card], atCheckout.Select(m => m.Id));
        Assert.Equal((PaymentMethodType.Card, PaymentCardType.Visa, "4242", home.Id), (got.Type!.Value, got.Card!.Type!.Value, got.Card.Last4, got.AddressId!.Value));
        Assert.Equal(PaymentMethodOrigin.SavedDuringPurchase, got.Origin);
        Assert.Equal("not_found", again.ErrorCode);
        Assert.Equal([upi, paypal], left.Select(m => m.Id));
    }

    [Fact]
    public async Task Saving_and_deleting_are_Paddles_payment_method_events_and_theEmulators_own_route_saves_one()
    {
        Customer customer = await Client.Customers.CreateAsync(new CreateCustomerRequest { Email = "card@example.com" });
        using var http = new HttpClient { BaseAddress = Emulator.BaseAddress };
        using HttpResponseMessage saved = await http.PostAsync($"emulator/customers/{customer.Id}/payment-methods", new StringContent("""{"type":"paypal"}""", Encoding.UTF8, "application/json"));
        var id = PaymentMethodId.Parse((string)JsonNode.Parse(await saved.Content.ReadAsStringAsync())!["data"]!["id"]!);
        using HttpResponseMessage unknown = await http.PostAsync($"emulator/customers/{customer.Id}/payment-methods", new StringContent("""{"type":"cheque"}""", Encoding.UTF8, "application/json"));
        await Client.PaymentMethods.DeleteAsync(customer.Id, id);

        JsonArray events = JsonNode.Parse(await http.GetStringAsync("events"))!["data"]!.AsArray();
        JsonNode deleted = events.Single(e => (string)e!["event_type"]! == "payment_method.deleted")!;

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.BadRequest), (saved.StatusCode, unknown.StatusCode));
        Assert.Contains(events, e => (string)e!["event_type"]! == "payment_method.saved" && (string)e["data"]!["id"]! == id.Value);
        Assert.Equal(("api", "paypal", id.Value), ((string?)deleted["data"]!["deletion_reason"], (string?)deleted["data"]!["type"], (string?)deleted["data"]!["id"]));
        Assert.Null(deleted["data"]!["paypal"]); // the events carry no details, as Paddle's examples show
    }
}
