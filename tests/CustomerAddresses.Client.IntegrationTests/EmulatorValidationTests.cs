using System.Net;
using System.Text.Json.Nodes;
using CustomerAddresses.Client.Testing;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>
/// The emulator refuses what Paddle's published schema refuses, with Paddle's <c>invalid_field</c> answer naming the
/// field: an <c>email</c> that is not <c>format: email</c>, a <c>locale</c> that is not a short form IETF BCP 47 tag, a
/// notification destination that carries user information; and it refuses a rate limit it could not keep at start.
/// </summary>
public sealed class EmulatorValidationTests
{
    private static async Task<(HttpStatusCode Status, JsonObject Body)> Post(CustomerAddressesEmulator emulator, string path, JsonObject body)
    {
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        return await RawHttp.Send(http, HttpMethod.Post, path, body.ToJsonString());
    }

    private static void AssertInvalidField((HttpStatusCode Status, JsonObject Body) answer, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        JsonNode error = answer.Body["error"]!;
        Assert.Equal(("request_error", "invalid_field"), ((string?)error["type"], (string?)error["code"]));
        Assert.Contains(error["errors"]!.AsArray(), e => (string?)e!["field"] == field);
    }

    /// <summary>A customer member's value is an invalid field when a customer is created with it, and when one is updated to it.</summary>
    private static async Task AssertRefusedOnCreateAndUpdate(string member, string value)
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        var create = new JsonObject { ["email"] = "jo@example.com" };
        create[member] = value;
        AssertInvalidField(await Post(emulator, "customers", create), member);

        (_, JsonObject created) = await Post(emulator, "customers", new JsonObject { ["email"] = "jo@example.com" });
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        AssertInvalidField(await RawHttp.Send(http, HttpMethod.Patch, $"customers/{created["data"]!["id"]}", new JsonObject { [member] = value }.ToJsonString()), member);
    }

    [Theory]
    [InlineData("bob@")]
    [InlineData("@example.com")]
    [InlineData("a b@example.com")]
    [InlineData("jo@@example.com")]
    [InlineData("jo.@example.com")]
    [InlineData("jo@exa mple.com")]
    [InlineData("jo@-example.com")]
    [InlineData("jo@example..com")]
    [InlineData("jo")]
    public async Task An_email_that_is_not_one_is_an_invalid_field_on_create_and_on_update(string email)
    {
        await AssertRefusedOnCreateAndUpdate("email", email);
    }

    [Theory]
    [InlineData("jo@example.com")]
    [InlineData("o'brien+billing@mail.example.co.uk")]
    [InlineData("\"jo brown\"@example.com")]
    [InlineData("jo@localhost")]
    [InlineData("jörg@bücher.example")]
    public async Task An_email_of_any_valid_shape_is_taken(string email)
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();

        (HttpStatusCode status, JsonObject body) = await Post(emulator, "customers", new JsonObject { ["email"] = email });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(email, (string?)body["data"]!["email"]);
    }

    [Theory]
    [InlineData("zz-NOPE")]
    [InlineData("english")]
    [InlineData("en_US")]
    [InlineData("en-ZZ")]
    [InlineData("en-US-x-private")]
    [InlineData("")]
    public async Task A_locale_that_is_not_a_short_bcp47_tag_is_an_invalid_field_on_create_and_on_update(string locale)
    {
        await AssertRefusedOnCreateAndUpdate("locale", locale);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-US")]
    [InlineData("pt-BR")]
    [InlineData("zh-Hans")]
    [InlineData("zh-Hant-TW")]
    [InlineData("es-419")]
    [InlineData("fil")]
    public async Task A_short_bcp47_locale_is_taken(string locale)
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();

        (HttpStatusCode status, JsonObject body) = await Post(emulator, "customers", new JsonObject { ["email"] = "jo@example.com", ["locale"] = locale });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(locale, (string?)body["data"]!["locale"]);
    }

    [Theory]
    [InlineData("http://user:password@127.0.0.1:9/hook")]
    [InlineData("https://:secret@example.com/hook")]
    [InlineData("https://token@example.com/hook")]
    public async Task A_destination_with_user_information_is_refused_on_create_and_update_and_never_echoed(string destination)
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync();
        var setting = new JsonObject
        {
            ["description"] = "hooks", ["type"] = "url", ["destination"] = destination, ["subscribed_events"] = new JsonArray("customer.created"),
        };

        (HttpStatusCode status, JsonObject body) = await Post(emulator, "notification-settings", setting);
        AssertInvalidField((status, body), "destination");
        Assert.DoesNotContain("secret", body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("password", body.ToJsonString(), StringComparison.Ordinal);

        setting["destination"] = "https://example.com/hook";
        (_, JsonObject created) = await Post(emulator, "notification-settings", setting);
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        string id = (string)created["data"]!["id"]!;
        AssertInvalidField(await RawHttp.Send(http, HttpMethod.Patch, $"notification-settings/{id}", new JsonObject { ["destination"] = destination }.ToJsonString()), "destination");
        (_, JsonObject kept) = await RawHttp.Send(http, HttpMethod.Get, $"notification-settings/{id}");
        Assert.Equal("https://example.com/hook", (string?)kept["data"]!["destination"]);
        Assert.Throws<ArgumentException>(() => emulator.AddWebhookDestination(new Uri(destination)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(CustomerAddressesEmulatorOptions.MaxRequestsPerMinute + 1)]
    [InlineData(int.MaxValue)]
    public async Task A_rate_limit_out_of_range_is_refused_at_start(int perMinute)
    {
        var e = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RequestsPerMinute = perMinute }));

        Assert.Contains("RequestsPerMinute must be from 1 to 1,000,000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_highest_rate_limit_starts_and_answers()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RequestsPerMinute = CustomerAddressesEmulatorOptions.MaxRequestsPerMinute });

        (HttpStatusCode status, _) = await Post(emulator, "customers", new JsonObject { ["email"] = "jo@example.com" });

        Assert.Equal(HttpStatusCode.Created, status);
    }
}
