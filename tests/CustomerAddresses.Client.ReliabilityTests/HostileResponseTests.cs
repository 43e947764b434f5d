using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using CustomerAddresses.Client.Tests.Shared;
using Xunit.Abstractions;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary>
/// Thousands of generated response bodies (the documented examples truncated, with any field's value replaced by any
/// JSON value or null, with bytes that are not UTF-8, or plain noise), under every status, through the whole client:
/// each call ends in a model or a documented <see cref="CustomerAddressesApiException"/>, never anything else, and
/// never hangs.
/// </summary>
public sealed class HostileResponseTests(ITestOutputHelper output)
{
    private static readonly int Iterations = int.Parse(Environment.GetEnvironmentVariable("HOSTILE_ITERATIONS") ?? "10000", System.Globalization.CultureInfo.InvariantCulture);
    private static int s_cases;

    private static readonly string[] s_fixtures =
    [
        "000-create-address.response.json", "001-list-addresses-offset.response.json", "002-list-addresses.response.json",
        "003-create-customer.response.json", "004-add-billing-address.response.json",
    ];

    private static readonly byte[][] s_fixtureBytes = s_fixtures
        .Select(f => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", f)))
        .Append(Encoding.UTF8.GetBytes("""{"error":{"type":"request_error","code":"invalid_field","detail":"bad","errors":[{"field":"email","message":"bad"}]},"meta":{"request_id":"r"}}"""))
        .Append(Encoding.UTF8.GetBytes("""{"status":400,"message":"bad","data":null,"errors":[{"message":"bad","code":"x"}]}"""))
        .ToArray();

    private static readonly Gen<JsonNode?> s_scalar = Gen.OneOf<JsonNode?>(
        Gen.Const(() => (JsonNode?)null),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Long.Select(n => (JsonNode?)JsonValue.Create(n)),
        Gen.Double.Select(d => double.IsFinite(d) ? (JsonNode?)JsonValue.Create(d) : null),
        Gen.String[0, 40].Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.OneOf("ctm_", "add_..", "cus_01h", "add_01hv8h6jj90jjz0d71m6hj4r9z", "2024-13-45T99:99:99Z", "", "offset:-1", "../../x", "\u0000").Select(s => (JsonNode?)JsonValue.Create(s)));

    private static readonly Gen<JsonNode?> s_value = Gen.Frequency<JsonNode?>(
        (6, s_scalar),
        (1, s_scalar.Array[0, 4].Select(items => (JsonNode?)new JsonArray(items))),
        (1, Gen.Select(Gen.String[1, 8], s_scalar).Array[0, 4].Select(pairs =>
        {
            var obj = new JsonObject();
            foreach ((string key, JsonNode? value) in pairs)
            {
                obj[key] = value;
            }

            return (JsonNode?)obj;
        })));

    /// <summary>A documented example with one value anywhere in it replaced by anything, null included.</summary>
    private static readonly Gen<byte[]> s_fieldReplaced = Gen.Select(Gen.Int[0, s_fixtureBytes.Length - 1], Gen.Int[0, 10_000], s_value, (fixture, pick, replacement) =>
    {
        JsonNode root = JsonNode.Parse(s_fixtureBytes[fixture])!;
        List<(JsonNode Parent, object Key)> slots = [];
        Collect(root, slots);
        (JsonNode parent, object key) = slots[pick % slots.Count];
        if (parent is JsonObject obj)
        {
            obj[(string)key] = replacement;
        }
        else
        {
            ((JsonArray)parent)[(int)key] = replacement;
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    });

    private static readonly Gen<byte[]> s_truncated = Gen.Select(Gen.Int[0, s_fixtureBytes.Length - 1], Gen.Int[0, 10_000], (fixture, cut) =>
        s_fixtureBytes[fixture][..(cut % s_fixtureBytes[fixture].Length)]);

    private static readonly Gen<byte[]> s_notUtf8 = Gen.Select(Gen.Int[0, s_fixtureBytes.Length - 1], Gen.Int[0, 10_000], Gen.OneOf<byte>(0xFF, 0xC0, 0x80, 0xED, 0xF5), (fixture, at, bad) =>
    {
        byte[] bytes = (byte[])s_fixtureBytes[fixture].Clone();
        bytes[at % bytes.Length] = bad;
        return bytes;
    });

    private static readonly Gen<byte[]> s_bodies = Gen.Frequency(
        (5, s_fieldReplaced),
        (2, s_truncated),
        (2, s_notUtf8),
        (1, Gen.Byte.Array[0, 200]),
        (1, Gen.OneOf(
            Encoding.UTF8.GetBytes("<html><body><h1>200 OK</h1></body></html>"),
            Encoding.UTF8.GetBytes("""{"data":[],"meta":{"pagination":{"has_more":true,"next":null}}}"""),
            Encoding.UTF8.GetBytes("""{"data":{"billing_address":null}}"""),
            Encoding.UTF8.GetBytes("null"), Encoding.UTF8.GetBytes("[]"), Encoding.UTF8.GetBytes("\"text\""), Encoding.UTF8.GetBytes("{}"))));

    private static readonly Gen<int> s_status = Gen.OneOf(200, 200, 200, 201, 202, 204, 301, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 520);

    private static readonly Gen<int> s_operation = Gen.Int[0, 3];

    private static void Collect(JsonNode node, List<(JsonNode, object)> slots)
    {
        if (node is JsonObject obj)
        {
            foreach ((string key, JsonNode? child) in obj.ToList())
            {
                slots.Add((obj, key));
                if (child is not null)
                {
                    Collect(child, slots);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (int i = 0; i < array.Count; i++)
            {
                slots.Add((array, i));
                if (array[i] is { } child)
                {
                    Collect(child, slots);
                }
            }
        }
    }

    internal static CustomerAddressesClient ClientAnswering(int status, byte[] body, string? contentLength = null) =>
        TestClients.Create(new Uri("https://api.example.com/v1/"), new CannedHandler(status, body), o =>
        {
            o.ApiKey = Chaos.ApiKey;
            o.Retry.MaxRetries = 0;
        });

    /// <summary>Runs one operation against a server that answers everything with the same status and body.</summary>
    internal static async Task<Exception?> Call(CustomerAddressesClient client, int operation)
    {
        try
        {
            switch (operation)
            {
                case 0:
                    await client.Customers.CreateAsync(new CreateCustomerRequest { Name = "Ann", Email = "ann@example.com" });
                    break;
                case 1:
                    await client.Addresses.CreateAsync(CustomerId.Parse("ctm_1"), new CreateAddressRequest { Region = "R", City = "C", Country = "US" });
                    break;
                case 2:
                    int pages = 0;
                    await foreach (Page<Address> page in client.Addresses.ListAsync(CustomerId.Parse("ctm_1")).AsPages())
                    {
                        Assert.True(++pages < 10, "a listing over one repeated answer must end");
                    }

                    break;
                default:
                    await client.BillingAddresses.AddAsync(OrganizationId.Parse("org_1"), new AddBillingAddressRequest
                    {
                        Name = "n", Company = "c", AddressLine1 = "a", City = "c", State = "s", PostalCode = "p", Country = "US",
                    });
                    break;
            }

            return null;
        }
        catch (CustomerAddressesApiException e)
        {
            return e;
        }
    }

    [Fact]
    public async Task Every_generated_response_ends_in_a_model_or_a_documented_exception()
    {
        await Gen.Select(s_status, s_bodies, s_operation).SampleAsync(
            async sample =>
            {
                (int status, byte[] body, int operation) = sample;
                using CustomerAddressesClient client = ClientAnswering(status, body);
                Exception? outcome = await Call(client, operation).WaitAsync(TimeSpan.FromSeconds(10));
                if (outcome is not null)
                {
                    Chaos.AssertNoSecretIn([outcome.ToString()]);
                }

                Interlocked.Increment(ref s_cases);
            },
            iter: Iterations,
            threads: 2,
            seed: Environment.GetEnvironmentVariable("HOSTILE_SEED") ?? "0N0XIzNsQ0O2");

        output.WriteLine($"{s_cases} generated responses, every one a model or a CustomerAddressesApiException");
        Assert.True(s_cases >= Iterations);
    }

    /// <summary>Always the same answer; unlike WireMock, free to send bytes that are not UTF-8 and to lie about length.</summary>
    internal sealed class CannedHandler(int status, byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage((HttpStatusCode)status) { Content = content, RequestMessage = request });
        }
    }
}
