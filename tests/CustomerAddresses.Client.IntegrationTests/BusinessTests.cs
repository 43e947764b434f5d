using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>A customer's businesses through the SDK against the emulator, as Paddle serves them: the lifecycle, the filters, Paddle's refusals and the events.</summary>
public sealed class BusinessTests : PaddleEmulatorTests
{
    [Fact]
    public async Task A_business_is_created_listed_by_Paddles_filters_updated_archived_and_reactivated()
    {
        Customer customer = await Client.Customers.CreateAsync(new CreateCustomerRequest { Email = "b2b@example.com" });
        Business uplift = await Client.Businesses.CreateAsync(customer.Id, new CreateBusinessRequest
        {
            Name = "Uplift Inc.",
            TaxIdentifier = "555952383",
            Contacts = [new BusinessContact { Name = "Parker Jones", Email = "parker@example.com" }],
            CustomData = new JsonObject { ["crm_id"] = "eb9b" },
        });
        Business highFly = await Client.Businesses.CreateAsync(customer.Id, new CreateBusinessRequest { Name = "HighFly LLC." });

        Business updated = await Client.Businesses.UpdateAsync(customer.Id, uplift.Id, new UpdateBusinessRequest { TaxIdentifier = null, CompanyNumber = "555775291485" });
        await Client.Businesses.ArchiveAsync(customer.Id, highFly.Id);
        List<Business> active = await Client.Businesses.ListAsync(customer.Id).ToListAsync();
        List<Business> both = await Client.Businesses.ListAsync(customer.Id, new ListBusinessesOptions { Statuses = [BusinessStatus.Active, BusinessStatus.Archived], Order = SortOrder.Ascending, PerPage = 1 }).ToListAsync();
        List<Business> byContact = await Client.Businesses.ListAsync(customer.Id, new ListBusinessesOptions { Search = "parker@" }).ToListAsync();
        Business back = await Client.Businesses.ReactivateAsync(customer.Id, highFly.Id);
        Business got = await Client.Businesses.GetAsync(customer.Id, uplift.Id);

        Assert.StartsWith("biz_", uplift.Id.Value, StringComparison.Ordinal);
        Assert.Equal((customer.Id, BusinessStatus.Active, "Parker Jones"), (uplift.CustomerId, uplift.Status!.Value, uplift.Contacts![0].Name));
        Assert.Empty(highFly.Contacts!); // Paddle answers an empty list, not null
        Assert.Equal((null, "555775291485", "eb9b"), (updated.TaxIdentifier, updated.CompanyNumber, (string?)updated.CustomData!["crm_id"]));
        Assert.Equal([uplift.Id], active.Select(b => b.Id));
        Assert.Equal([uplift.Id, highFly.Id], both.Select(b => b.Id)); // two pages of one
        Assert.Equal([uplift.Id], byContact.Select(b => b.Id));
        Assert.Equal(BusinessStatus.Active, back.Status);
        Assert.Equal(updated, got with { Contacts = updated.Contacts, CustomData = updated.CustomData });
    }

    [Fact]
    public async Task Paddle_refuses_what_its_schemas_forbid_and_an_unknown_customer()
    {
        Customer customer = await Client.Customers.CreateAsync(new CreateCustomerRequest { Email = "b2b@example.com" });
        using var http = new HttpClient { BaseAddress = Emulator.BaseAddress };

        using HttpResponseMessage extra = await http.PostAsync($"customers/{customer.Id}/businesses", Json("""{"name":"Uplift","website":"x"}"""));
        using HttpResponseMessage noName = await http.PostAsync($"customers/{customer.Id}/businesses", Json("""{"company_number":"1"}"""));
        using HttpResponseMessage twice = await http.PostAsync($"customers/{customer.Id}/businesses", Json("""{"name":"U","contacts":[{"email":"a@example.com"},{"email":"a@example.com"}]}"""));
        using HttpResponseMessage status = await http.PatchAsync($"customers/{customer.Id}/businesses/biz_01hv8hkr641vmpwytx38znv56k", Json("""{"status":"deleted"}"""));
        var missing = await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client.Businesses.CreateAsync(CustomerId.Parse("ctm_01hv6y1jedq4p1n0yqn5ba3ky4"), new CreateBusinessRequest { Name = "Uplift" }));
        var noBusiness = await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client.Businesses.GetAsync(customer.Id, BusinessId.Parse("biz_01hv8hkr641vmpwytx38znv56k")));

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], new[] { extra.StatusCode, noName.StatusCode, twice.StatusCode, status.StatusCode });
        Assert.Contains("website", await extra.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noBusiness.StatusCode);
    }

    [Fact]
    public async Task Each_change_is_a_typed_business_event_in_Paddles_event_list()
    {
        Customer customer = await Client.Customers.CreateAsync(new CreateCustomerRequest { Email = "b2b@example.com" });
        Business uplift = await Client.Businesses.CreateAsync(customer.Id, new CreateBusinessRequest { Name = "Uplift Inc." });
        await Client.Businesses.ArchiveAsync(customer.Id, uplift.Id);

        List<PaddleWebhookEvent> events = await Client.Events.ListAsync(new ListEventsOptions
        {
            EventTypes = [PaddleWebhookEventTypes.BusinessCreated, PaddleWebhookEventTypes.BusinessUpdated],
            Order = SortOrder.Ascending,
        }).ToListAsync();

        BusinessWebhookEvent[] typed = [.. events.Select(e => Assert.IsType<BusinessWebhookEvent>(e))];
        Assert.Equal([PaddleWebhookEventTypes.BusinessCreated, PaddleWebhookEventTypes.BusinessUpdated], typed.Select(e => e.EventType));
        Assert.All(typed, e => Assert.Equal(uplift.Id, e.Business.Id));
        Assert.Equal(BusinessStatus.Archived, typed[1].Business.Status);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
