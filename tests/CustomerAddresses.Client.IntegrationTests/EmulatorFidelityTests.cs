using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CustomerAddresses.Client.Testing;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>
/// The emulator answers as the real servers document: each documented request example (Paddle's own, and the seeds'
/// for /api/v1) is sent to it as is, and its answer must have exactly the members, in the order, of the documented
/// response example. Raw HTTP, so the SDK's own leniency hides nothing.
/// </summary>
public sealed class EmulatorFidelityTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private static async Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> Send(HttpClient http, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json") };
        HttpResponseMessage response = await http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject(), response);
    }

    private static string[] Members(JsonNode node) => [.. node.AsObject().Select(p => p.Key)];

    [Fact]
    public async Task Paddles_own_create_examples_are_answered_with_every_member_of_paddles_own_responses()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        var (status, created, _) = await Send(http, HttpMethod.Post, "customers", Fixture("paddle/openapi.customers.request.create-customer-standard.json"));
        JsonNode expected = JsonNode.Parse(Fixture("paddle/openapi.customers.create.201.json"))!;
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(Members(expected), Members(created));
        Assert.Equal(Members(expected["data"]!), Members(created["data"]!));
        JsonNode customer = created["data"]!;
        Assert.Equal(["Jo Brown", "jo@example.com", "active", "en"], new[] { "name", "email", "status", "locale" }.Select(m => (string?)customer[m]));
        Assert.False((bool)customer["marketing_consent"]!);
        Assert.Null(customer["custom_data"]);
        Assert.Matches(@"^ctm_[0-9a-hjkmnp-tv-z]{26}$", (string)customer["id"]!);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", (string)customer["created_at"]!);

        string customerId = (string)customer["id"]!;
        (status, JsonObject address, _) = await Send(http, HttpMethod.Post, $"customers/{customerId}/addresses", Fixture("paddle/openapi.addresses.request.create-address-standard.json"));
        expected = JsonNode.Parse(Fixture("paddle/openapi.addresses.create.201.json"))!;
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(Members(expected["data"]!), Members(address["data"]!));
        Assert.Equal(customerId, (string)address["data"]!["customer_id"]!);

        string addressId = (string)address["data"]!["id"]!;
        (status, JsonObject updated, _) = await Send(http, HttpMethod.Patch, $"customers/{customerId}/addresses/{addressId}", Fixture("paddle/openapi.addresses.request.update-address-standard.json"));
        expected = JsonNode.Parse(Fixture("paddle/openapi.addresses.update.200.json"))!;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Members(expected["data"]!), Members(updated["data"]!));
        Assert.Equal("California Office", (string)updated["data"]!["description"]!);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", (string)updated["data"]!["updated_at"]!); // as Paddle's example: microseconds once updated

        (status, JsonObject renamed, _) = await Send(http, HttpMethod.Patch, $"customers/{customerId}", Fixture("paddle/openapi.customers.request.update-customer-standard.json"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Members(JsonNode.Parse(Fixture("paddle/openapi.customers.update.200.json"))!["data"]!), Members(renamed["data"]!));
        Assert.Equal("Jo Brown-Anderson", (string)renamed["data"]!["name"]!);
    }

    [Fact]
    public async Task The_seeds_examples_are_answered_at_api_v1_as_the_seeds_show_them()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.ApiV1BaseAddress };

        var (status, customer, _) = await Send(http, HttpMethod.Post, "customers", Fixture("003-create-customer.request.json"));
        JsonObject expected = JsonNode.Parse(Fixture("003-create-customer.response.json"))!.AsObject();
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(Members(expected).Order(), Members(customer).Order()); // a bare object, as seed 003 shows
        Assert.Equal("Tanzania", (string)customer["address"]!["country"]!);
        Assert.StartsWith("cus_", (string)customer["id"]!, StringComparison.Ordinal);

        string customerId = (string)customer["id"]!;
        (status, JsonObject address, _) = await Send(http, HttpMethod.Post, $"customers/{customerId}/addresses", Fixture("000-create-address.request.json"));
        JsonObject expectedAddress = JsonNode.Parse(Fixture("000-create-address.response.json"))!.AsObject();
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal([.. Members(expectedAddress).Append("status").Order()], Members(address).Order()); // and the status archiving sets
        Assert.Equal("US", (string)address["country"]!);

        (status, JsonObject list, _) = await Send(http, HttpMethod.Get, $"customers/{customerId}/addresses?limit=2&offset=0");
        JsonObject expectedList = JsonNode.Parse(Fixture("001-list-addresses-offset.response.json"))!.AsObject();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Members(expectedList), Members(list));
        Assert.Equal(Members(expectedList["addresses"]![0]!).Append("status").Order(), Members(list["addresses"]![0]!).Order());

        (status, JsonObject paddleShaped, _) = await Send(http, HttpMethod.Post, $"customers/{customerId}/addresses", "{\"country_code\":\"US\"}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["country_code", "region", "city", "country"], paddleShaped["error"]!["errors"]!.AsArray().Select(e => (string)e!["field"]!));
    }

    [Theory]
    [InlineData("customers", "{\"email\":\"a@example.com\",\"phone\":\"+44\"}", "phone")]
    [InlineData("customers", "{\"name\":\"No email\"}", "email")]
    [InlineData("customers", "{\"email\":\"a@example.com\",\"address\":{\"city\":\"London\",\"country\":\"GB\"}}", "address")]
    [InlineData("customers", "{\"email\":\"a@example.com\",\"status\":\"active\"}", "status")]
    public async Task The_root_refuses_what_paddles_schemas_do_not_define(string path, string body, string field)
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        var (status, error, _) = await Send(http, HttpMethod.Post, path, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_field", (string)error["error"]!["code"]!);
        Assert.Equal("https://developer.paddle.com/errors/shared/invalid_field", (string)error["error"]!["documentation_url"]!);
        Assert.Contains(field, error["error"]!["errors"]!.AsArray().Select(e => (string)e!["field"]!));
        Assert.Equal(0, emulator.CustomerCount);
    }

    [Fact]
    public async Task An_address_at_the_root_needs_country_code_and_nothing_the_api_v1_form_has()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        var (_, customer, _) = await Send(http, HttpMethod.Post, "customers", "{\"email\":\"a@example.com\"}");
        string id = (string)customer["data"]!["id"]!;

        var (status, error, _) = await Send(http, HttpMethod.Post, $"customers/{id}/addresses", Fixture("000-create-address.request.json"));
        var (minimalStatus, minimal, _) = await Send(http, HttpMethod.Post, $"customers/{id}/addresses", "{\"country_code\":\"GB\"}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["country", "country_code"], error["error"]!["errors"]!.AsArray().Select(e => (string)e!["field"]!).Order());
        Assert.Equal(HttpStatusCode.Created, minimalStatus);
        Assert.All(new[] { "description", "first_line", "second_line", "city", "postal_code", "region", "custom_data", "import_meta" },
            member => Assert.True(minimal["data"]!.AsObject().TryGetPropertyValue(member, out JsonNode? value) && value is null, member));
    }

    [Theory]
    [InlineData(null, "authentication_missing", "Authentication header missing.")]
    [InlineData("k-right", "authentication_malformed", "Authentication header included, but incorrectly formatted.")]
    [InlineData("Basic k-right", "authentication_malformed", "Authentication header included, but incorrectly formatted.")]
    [InlineData("Bearer k-wrong", "invalid_token", "Invalid or revoked API key.")]
    [InlineData("bearer k-right", null, null)]
    [InlineData("BEARER k-right", null, null)]
    public async Task The_api_key_is_checked_as_paddle_checks_it(string? authorization, string? code, string? detail)
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { ApiKey = "k-right" });
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        if (authorization is not null)
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var (status, body, _) = await Send(http, HttpMethod.Get, "customers");

        Assert.Equal(code is null ? HttpStatusCode.OK : HttpStatusCode.Forbidden, status);
        Assert.Equal(code, (string?)body["error"]?["code"]);
        Assert.Equal(detail, (string?)body["error"]?["detail"]);
    }

    [Theory]
    [InlineData("DELETE", "customers/ctm_01h8441jn5pcwrfhwh78jqt8hk", "GET, PATCH")]
    [InlineData("PUT", "customers", "GET, POST")]
    [InlineData("DELETE", "customers/ctm_01h8441jn5pcwrfhwh78jqt8hk/addresses/add_01hv8gq3318ktkfengj2r75gfx", "GET, PATCH")]
    [InlineData("PATCH", "api/v1/customers/cus_1/addresses", "GET, POST")]
    public async Task A_method_a_path_does_not_take_is_405_with_allow(string method, string path, string allow)
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        var (status, body, response) = await Send(http, new HttpMethod(method), path, method is "GET" or "DELETE" ? null : "{}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal("method_not_allowed", (string)body["error"]!["code"]!);
    }

    [Fact]
    public async Task Lists_take_the_order_in_either_case_and_the_next_link_carries_the_clamped_page_size()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        var (_, customer, _) = await Send(http, HttpMethod.Post, "customers", "{\"email\":\"a@example.com\"}");
        string id = (string)customer["data"]!["id"]!;
        for (int i = 0; i < 3; i++)
        {
            await Send(http, HttpMethod.Post, $"customers/{id}/addresses", "{\"country_code\":\"GB\"}");
        }

        var (_, lower, _) = await Send(http, HttpMethod.Get, $"customers/{id}/addresses?order_by=id[asc]&per_page=500");
        var (_, upper, _) = await Send(http, HttpMethod.Get, $"customers/{id}/addresses?order_by=id[ASC]");
        var (invalidStatus, invalid, _) = await Send(http, HttpMethod.Get, $"customers/{id}/addresses?order_by=created_at[ASC]");

        string[] Ids(JsonObject page) => [.. page["data"]!.AsArray().Select(a => (string)a!["id"]!)];
        Assert.Equal(Ids(upper), Ids(lower));
        Assert.Equal(Ids(lower).Order(StringComparer.Ordinal), Ids(lower));
        Assert.Equal(200, (int)lower["meta"]!["pagination"]!["per_page"]!);
        Assert.Contains("per_page=200", (string)lower["meta"]!["pagination"]!["next"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("per_page=500", (string)lower["meta"]!["pagination"]!["next"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, invalidStatus);
        Assert.Equal("order_by", (string)invalid["error"]!["errors"]![0]!["field"]!);
    }

    [Fact]
    public async Task Errors_link_to_the_page_of_their_own_code()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        await Send(http, HttpMethod.Post, "customers", "{\"email\":\"a@example.com\"}");

        var (_, duplicate, _) = await Send(http, HttpMethod.Post, "customers", "{\"email\":\"a@example.com\"}");
        var (_, missing, _) = await Send(http, HttpMethod.Get, "customers/ctm_01h8441jn5pcwrfhwh78jqt8hk");
        var (_, badJson, _) = await Send(http, HttpMethod.Post, "customers", "{\"email\":");

        Assert.Equal("https://developer.paddle.com/errors/customers/customer_already_exists", (string)duplicate["error"]!["documentation_url"]!);
        Assert.Equal("Entity ctm_01h8441jn5pcwrfhwh78jqt8hk not found", (string)missing["error"]!["detail"]!);
        Assert.Equal("https://developer.paddle.com/errors/shared/not_found", (string)missing["error"]!["documentation_url"]!);
        Assert.Equal("invalid_json", (string)badJson["error"]!["code"]!);
    }
}
