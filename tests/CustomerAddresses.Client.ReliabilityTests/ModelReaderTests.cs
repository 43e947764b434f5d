using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary>
/// The hand-written model readers against what the bodies say: any member subset, in any order, with nulls, unknown
/// members (nested too) and escaped member names, reads to exactly the values written; and what the declared members
/// forbid is a <see cref="JsonException"/> (which the client turns into an <c>UnexpectedResponseException</c>).
/// </summary>
public sealed class ModelReaderTests
{
    private static readonly Gen<string?> s_text = Gen.Frequency(
        (1, Gen.Const((string?)null)),
        (4, Gen.String[0, 30].Select(s => (string?)s)),
        (1, Gen.OneOf<string?>("Zürich", "東京", "line\nbreak", "quote\"slash\\", "\u00e9\u0301")));

    private static readonly Gen<string> s_id = Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"].Array[1, 40].Select(c => new string(c));

    private static readonly Gen<DateTimeOffset?> s_time = Gen.Frequency(
        (1, Gen.Const((DateTimeOffset?)null)),
        (3, Gen.Long[0, 4_000_000_000_000_000L].Select(ticks => (DateTimeOffset?)new DateTimeOffset(630_000_000_000_000_000L + ticks, TimeSpan.Zero))));

    private static readonly Gen<JsonObject?> s_object = Gen.Frequency(
        (1, Gen.Const((JsonObject?)null)),
        (2, Gen.Select(Gen.String[1, 6], Gen.String[0, 10]).Array[0, 3].Select(pairs =>
        {
            var o = new JsonObject();
            foreach ((string k, string v) in pairs)
            {
                o[k] = v;
            }

            return (JsonObject?)o;
        })));

    private static readonly Gen<string> s_unknownValue = Gen.OneOf("1", "null", "true", "[1,{\"id\":\"x\"},[]]", "{\"id\":{\"id\":2},\"city\":[\"x\"]}", "\"text\"", "-1.5e300");

    /// <summary>A member as written: its name, its JSON text, and whether it is one the reader must ignore.</summary>
    private sealed record Member(string Name, string Json);

    private static string Str(string? value) => value is null ? "null" : JsonSerializer.Serialize(value);

    private static string Time(DateTimeOffset? value) => value is { } t ? "\"" + t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) + "\"" : "null";

    /// <summary>Writes members in the given order, some names escaped, with unknown members mixed in; absent values are sometimes written as null and sometimes left out.</summary>
    private static Gen<byte[]> Body(IReadOnlyList<Member> members) =>
        Gen.Select(Gen.Bool.Array[members.Count], Gen.Bool.Array[members.Count], Gen.Select(Gen.String[1, 12], s_unknownValue).Array[0, 4], Gen.Int)
            .Select((omitNull, escape, unknown, seed) =>
            {
                var all = members.Where((m, i) => !(m.Json == "null" && omitNull[i]))
                    .Select((m, i) => (Name: escape[i % escape.Length] ? "\\u" + ((int)m.Name[0]).ToString("x4", CultureInfo.InvariantCulture) + m.Name[1..] : m.Name, m.Json))
                    .Concat(unknown.Select(u => (Name: "zz_" + JsonEncodedText.Encode(u.Item1).ToString(), Json: u.Item2)))
                    .ToList();
                var random = new Random(seed);
                random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(all));
                return Encoding.UTF8.GetBytes("{" + string.Join(",", all.Select(m => "\"" + m.Name + "\":" + m.Json)) + "}");
            });

    [Fact]
    public void An_address_reads_to_exactly_the_members_written_in_any_order_with_unknown_members_and_escaped_names()
    {
        var values = Gen.Select(s_id, s_id, Gen.OneOf<string?>(null, "active", "archived", "some_new_status"), s_text, s_text, s_text, s_text, s_text)
            .Select(Gen.Select(s_text, Gen.OneOf<string?>(null, "US", "GB", "XK"), Gen.OneOf<string?>(null, "DE", "CA"), s_object, s_time, s_time));
        var cases = values.SelectMany(v =>
        {
            var ((id, customerId, status, description, firstLine, secondLine, city, postalCode), (region, country, countryCode, customData, created, updated)) = v;
            var members = new List<Member>
            {
                new("id", Str(id)), new("customer_id", Str(customerId)), new("status", Str(status)), new("description", Str(description)),
                new("first_line", Str(firstLine)), new("second_line", Str(secondLine)), new("city", Str(city)), new("postal_code", Str(postalCode)),
                new("region", Str(region)), new("country", Str(country)), new("country_code", Str(countryCode)),
                new("custom_data", customData?.ToJsonString() ?? "null"), new("import_meta", "null"), new("created_at", Time(created)), new("updated_at", Time(updated)),
            };
            return Body(members).Select(body => (v, body));
        });

        cases.Sample(c =>
        {
            var ((id, customerId, status, description, firstLine, secondLine, city, postalCode), (region, country, countryCode, customData, created, updated)) = c.v;
            Address read = JsonSerializer.Deserialize(c.body, CustomerAddresses.Client.Addresses.AddressesJsonContext.Default.Address)!;

            Assert.Equal(id, read.Id.Value);
            Assert.Equal(customerId, read.CustomerId.Value);
            Assert.Equal(status, read.Status?.Value);
            Assert.Equal((description, firstLine, secondLine, city, postalCode, region), (read.Description, read.FirstLine, read.SecondLine, read.City, read.PostalCode, read.Region));
            Assert.Equal(country ?? countryCode, read.Country?.Value); // country wins over Paddle's country_code, in either order
            Assert.Equal(customData?.ToJsonString(), read.CustomData?.ToJsonString());
            Assert.Null(read.ImportMeta);
            Assert.Equal((created, updated), (read.CreatedAt, read.UpdatedAt));
        }, iter: 2_000);
    }

    [Fact]
    public void A_customer_reads_to_exactly_the_members_written_in_any_order_with_unknown_members_and_escaped_names()
    {
        var values = Gen.Select(s_id, s_text, s_text, s_text, Gen.OneOf<string?>(null, "active", "archived"), s_text, Gen.OneOf<bool?>(null, true, false), s_object)
            .Select(Gen.Select(s_time, s_time, s_text, Gen.OneOf<string?>(null, "US")));
        var cases = values.SelectMany(v =>
        {
            var ((id, name, email, phone, status, locale, consent, customData), (created, updated, importedFrom, addressCountry)) = v;
            var members = new List<Member>
            {
                new("id", Str(id)), new("name", Str(name)), new("email", Str(email)), new("phone", Str(phone)), new("status", Str(status)),
                new("locale", Str(locale)), new("marketing_consent", consent is { } b ? (b ? "true" : "false") : "null"),
                new("custom_data", customData?.ToJsonString() ?? "null"), new("created_at", Time(created)), new("updated_at", Time(updated)),
                new("import_meta", importedFrom is null ? "null" : "{\"imported_from\":" + Str(importedFrom) + ",\"external_id\":null}"),
                new("address", addressCountry is null ? "null" : "{\"city\":\"Kigali\",\"country\":" + Str(addressCountry) + "}"),
            };
            return Body(members).Select(body => (v, body));
        });

        cases.Sample(c =>
        {
            var ((id, name, email, phone, status, locale, consent, customData), (created, updated, importedFrom, addressCountry)) = c.v;
            Customer read = JsonSerializer.Deserialize(c.body, CustomerAddresses.Client.Customers.CustomersJsonContext.Default.Customer)!;

            Assert.Equal(id, read.Id.Value);
            Assert.Equal((name, email, phone, locale), (read.Name, read.Email, read.Phone, read.Locale));
            Assert.Equal(status, read.Status?.Value);
            Assert.Equal(consent, read.MarketingConsent);
            Assert.Equal(customData?.ToJsonString(), read.CustomData?.ToJsonString());
            Assert.Equal((created, updated), (read.CreatedAt, read.UpdatedAt));
            Assert.Equal(importedFrom, read.ImportMeta?.ImportedFrom);
            Assert.Equal(addressCountry, read.Address?.Country?.Value);
        }, iter: 2_000);
    }

    [Fact]
    public void A_billing_address_reads_to_exactly_the_members_written_in_any_order_with_unknown_members_and_escaped_names()
    {
        var values = Gen.Select(s_id, s_text, s_text, s_text, s_text, s_text, s_text, s_text)
            .Select(Gen.Select(s_text, Gen.OneOf<string?>(null, "US", "RW"), Gen.Bool, s_time, s_time));
        var cases = values.SelectMany(v =>
        {
            var ((id, name, company, line1, wachtLine1, line2, city, state), (postalCode, country, isDefault, created, updated)) = v;
            var members = new List<Member>
            {
                new("id", Str(id)), new("name", Str(name)), new("company", Str(company)), new("address_line_1", Str(line1)), new("address", Str(wachtLine1)),
                new("address_line_2", Str(line2)), new("city", Str(city)), new("state", Str(state)), new("postal_code", Str(postalCode)),
                new("country", Str(country)), new("is_default", isDefault ? "true" : "false"), new("created_at", Time(created)), new("updated_at", Time(updated)),
            };
            return Body(members).Select(body => (v, body));
        });

        cases.Sample(c =>
        {
            var ((id, name, company, line1, wachtLine1, line2, city, state), (postalCode, country, isDefault, created, updated)) = c.v;
            BillingAddress read = JsonSerializer.Deserialize(c.body, CustomerAddresses.Client.BillingAddresses.BillingAddressesJsonContext.Default.BillingAddress)!;

            Assert.Equal(id, read.Id.Value);
            Assert.Equal((name, company, line2, city, state, postalCode), (read.Name, read.Company, read.AddressLine2, read.City, read.State, read.PostalCode));
            Assert.Equal(line1 ?? wachtLine1, read.AddressLine1); // address_line_1 wins over Wacht's address, in either order
            Assert.Equal(country, read.Country?.Value);
            Assert.Equal(isDefault, read.IsDefault);
            Assert.Equal((created, updated), (read.CreatedAt, read.UpdatedAt));
        }, iter: 2_000);
    }

    [Theory]
    [InlineData("{\"customer_id\":\"ctm_1\"}")] // no id
    [InlineData("{\"id\":null}")]
    [InlineData("{\"id\":7}")]
    [InlineData("{\"id\":\"add_..\"}")] // not safe in a URL path
    [InlineData("{\"id\":\"add_1\",\"city\":5}")]
    [InlineData("{\"id\":\"add_1\",\"custom_data\":\"x\"}")]
    [InlineData("{\"id\":\"add_1\",\"status\":true}")]
    [InlineData("{\"id\":\"add_1\",\"created_at\":\"yesterday\"}")]
    [InlineData("{\"id\":\"add_1\",\"customer_id\":null}")]
    [InlineData("[{\"id\":\"add_1\"}]")]
    public void What_the_address_members_forbid_is_a_json_exception(string body) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(body, CustomerAddresses.Client.Addresses.AddressesJsonContext.Default.Address));

    [Theory]
    [InlineData("{\"name\":\"x\"}")]
    [InlineData("{\"id\":\"billing_1\",\"is_default\":null}")]
    [InlineData("{\"id\":\"billing_1\",\"is_default\":\"yes\"}")]
    public void What_the_billing_address_members_forbid_is_a_json_exception(string body) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(body, CustomerAddresses.Client.BillingAddresses.BillingAddressesJsonContext.Default.BillingAddress));

    [Theory]
    [InlineData("{\"email\":\"a@b.c\"}")]
    [InlineData("{\"id\":\"ctm_1\",\"marketing_consent\":\"yes\"}")]
    [InlineData("{\"id\":\"ctm_1\",\"address\":\"Kigali\"}")]
    public void What_the_customer_members_forbid_is_a_json_exception(string body) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(body, CustomerAddresses.Client.Customers.CustomersJsonContext.Default.Customer));

    [Fact]
    public void A_duplicated_member_takes_its_last_value_as_the_serializer_does()
    {
        Address read = JsonSerializer.Deserialize("{\"id\":\"add_1\",\"city\":\"A\",\"id\":\"add_2\",\"city\":\"B\"}", CustomerAddresses.Client.Addresses.AddressesJsonContext.Default.Address)!;

        Assert.Equal(("add_2", "B"), (read.Id.Value, read.City));
    }

    [Fact]
    public void Written_models_read_back_equal()
    {
        var address = new Address
        {
            Id = AddressId.Parse("add_1"), CustomerId = CustomerId.Parse("ctm_1"), Status = AddressStatus.Active, City = "Kigali", Country = CountryCode.Rwanda,
            CustomData = new JsonObject { ["k"] = 1 }, ImportMeta = new ImportMeta { ImportedFrom = "paddle_classic" }, CreatedAt = DateTimeOffset.UnixEpoch,
        };
        var customer = new Customer { Id = CustomerId.Parse("ctm_1"), Email = "a@b.c", MarketingConsent = false, Address = new CustomerPostalAddress { Country = CountryCode.Germany } };
        var billing = new BillingAddress { Id = BillingAddressId.Parse("billing_1"), AddressLine1 = "1 Road", IsDefault = true, UpdatedAt = DateTimeOffset.UnixEpoch };

        Address address2 = JsonSerializer.Deserialize(JsonSerializer.Serialize(address, CustomerAddresses.Client.Addresses.AddressesJsonContext.Default.Address), CustomerAddresses.Client.Addresses.AddressesJsonContext.Default.Address)!;
        Customer customer2 = JsonSerializer.Deserialize(JsonSerializer.Serialize(customer, CustomerAddresses.Client.Customers.CustomersJsonContext.Default.Customer), CustomerAddresses.Client.Customers.CustomersJsonContext.Default.Customer)!;
        BillingAddress billing2 = JsonSerializer.Deserialize(JsonSerializer.Serialize(billing, CustomerAddresses.Client.BillingAddresses.BillingAddressesJsonContext.Default.BillingAddress), CustomerAddresses.Client.BillingAddresses.BillingAddressesJsonContext.Default.BillingAddress)!;

        Assert.Equal(address with { CustomData = null }, address2 with { CustomData = null });
        Assert.Equal("{\"k\":1}", address2.CustomData!.ToJsonString());
        Assert.Equal(customer, customer2);
        Assert.Equal(billing, billing2);
    }
}
