using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests;

/// <summary>
/// Every response example of Paddle's reference (Fixtures/paddle, verbatim) read through the client under the Paddle
/// dialect, and every member of every item compared with the model, found by its JSON name: nothing is dropped.
/// </summary>
public sealed class PaddleResponseFixtureTests : FakeApiTests
{
    private CustomerAddressesClient Client() =>
        TestClients.Create(new Uri(Api.Url), o =>
        {
            o.Dialect = ApiDialect.PaddleBilling;
            o.Retry.MaxRetries = 0;
        });

    public static TheoryData<string> Fixtures =>
    [
        "customers.create.201", "customers.get.200", "customers.update.200", "customers.list.200",
        "addresses.create.201", "addresses.get.200", "addresses.update.200", "addresses.list.200",
    ];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Reads_every_field_of_Paddles_example(string name)
    {
        string body = Fixture.Text($"paddle/openapi.{name}.json");
        Api.Server.Given(WireMock.RequestBuilders.Request.Create().UsingAnyMethod())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
        CustomerAddressesClient client = Client();
        var customer = CustomerId.Parse("ctm_01hv6y1jedq4p1n0yqn5ba3ky4");
        var address = AddressId.Parse("add_01hv8gq3318ktkfengj2r75gfx");

        object[] models = name switch
        {
            "customers.create.201" => [await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "jo@example.com" })],
            "customers.get.200" => [await client.Customers.GetAsync(customer)],
            "customers.update.200" => [await client.Customers.UpdateAsync(customer, new UpdateCustomerRequest { Name = "Jo" })],
            "customers.list.200" => [.. await client.Customers.ListAsync().ToListAsync()],
            "addresses.create.201" => [await client.Addresses.CreateAsync(customer, new CreateAddressRequest { Country = "US" })],
            "addresses.get.200" => [await client.Addresses.GetAsync(customer, address)],
            "addresses.update.200" => [await client.Addresses.UpdateAsync(customer, address, new UpdateAddressRequest { City = "X" })],
            _ => [.. await client.Addresses.ListAsync(customer).ToListAsync()],
        };

        JsonNode data = JsonNode.Parse(body)!["data"]!;
        JsonObject[] items = data is JsonArray array ? [.. array.Select(i => i!.AsObject())] : [data.AsObject()];
        Assert.Equal(items.Length, models.Length);
        for (int i = 0; i < items.Length; i++)
        {
            AssertEveryField(items[i], models[i]);
        }
    }

    private static void AssertEveryField(JsonObject expected, object model)
    {
        Dictionary<string, PropertyInfo> byName = model.GetType().GetProperties()
            .Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null)
            .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name);
        foreach ((string member, JsonNode? value) in expected)
        {
            // Paddle's country_code is read into the same Country as the /api/v1 API's country.
            string name = member == "country_code" && model is Address ? "country" : member;
            Assert.True(byName.TryGetValue(name, out PropertyInfo? property), $"{model.GetType().Name} has no member for '{member}'");
            object? actual = property.GetValue(model);
            switch (value)
            {
                case null:
                    Assert.Null(actual);
                    break;
                case JsonObject obj when actual is JsonObject actualObject:
                    Assert.True(JsonNode.DeepEquals(obj, actualObject), member);
                    break;
                case JsonObject obj when actual is ImportMeta meta:
                    Assert.Equal((string?)obj["external_id"], meta.ExternalId);
                    Assert.Equal((string?)obj["imported_from"], meta.ImportedFrom);
                    break;
                case JsonValue scalar when actual is DateTimeOffset time:
                    Assert.Equal(DateTimeOffset.Parse((string)scalar!, System.Globalization.CultureInfo.InvariantCulture), time);
                    break;
                case JsonValue scalar when actual is bool flag:
                    Assert.Equal((bool)scalar, flag);
                    break;
                case JsonValue scalar:
                    Assert.Equal((string)scalar!, actual?.ToString());
                    break;
                default:
                    Assert.Fail($"'{member}' is of a kind this test does not compare");
                    break;
            }
        }
    }
}
