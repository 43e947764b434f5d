using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;
using CustomerAddresses.Client.Testing;
using Xunit.Abstractions;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary>
/// The emulator answers any request body, however malformed (random bytes, bad UTF-8, lone surrogates, duplicate
/// members, wrong JSON types, nesting too deep, too large), with a 4xx in the dialect's error shape, never a 5xx, on
/// every route: a test kit that crashed on bad input would hide the user's bug.
/// </summary>
public sealed class MalformedRequestTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string ApiKey = "pdl_sdbx_apikey_01hmalformedmalformed";
    private const string Session = "sess_01hmalformedmalformed";
    private const int Iterations = 300;

    private static readonly string[] s_validBodies =
    [
        """{"email":"weloveyourproduct@paddle.com","name":"Sam Miller","locale":"en","custom_data":{"tier":"gold","seats":[1,2]}}""",
        """{"country_code":"US","description":"Head Office","first_line":"4050 Jefferson Plaza, 41st Floor","city":"New York","postal_code":"10021","region":"NY"}""",
        """{"name":"Sam Miller","email":"sam@example.com","phone":"+1 555","address":{"city":"Dar","country":"TZ"},"status":"active"}""",
        """{"region":"CA","city":"San Francisco","country":"US","description":"Home","custom_data":null}""",
        """{"name":"HQ","company":"Acme","address_line_1":"1 Road","city":"LA","state":"CA","postal_code":"90210","country":"US","is_default":true}""",
        """{"address":"2 Avenue","city":"San Diego","state":"CA","postal_code":"92101","country":"US"}""",
        """{"status":"archived"}""",
    ];

    private static readonly byte[][] s_badUtf8 = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x80]];

    private CustomerAddressesEmulator _emulator = null!;
    private HttpClient _http = null!;
    private (HttpMethod Method, string Path, bool Billing)[] _routes = [];

    public async Task InitializeAsync()
    {
        _emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { ApiKey = ApiKey, SessionToken = Session, RecordRequests = false, Seed = 5 });
        _http = new HttpClient { BaseAddress = _emulator.BaseAddress };
        _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
        _http.DefaultRequestHeaders.Add("Cookie", "__session=" + Session);

        string paddleCustomer = await IdOf("customers", s_validBodies[0]);
        string paddleAddress = await IdOf($"customers/{paddleCustomer}/addresses", s_validBodies[1]);
        string v1Customer = await IdOf("api/v1/customers", s_validBodies[2]);
        string v1Address = await IdOf($"api/v1/customers/{v1Customer}/addresses", s_validBodies[3]);
        string organization = _emulator.CreateOrganization();
        string billing = await IdOf($"organizations/{organization}/billing-addresses", s_validBodies[4]);

        var routes = new List<(HttpMethod, string, bool)>();
        foreach ((string prefix, string customer, string address) in new[] { (string.Empty, paddleCustomer, paddleAddress), ("api/v1/", v1Customer, v1Address) })
        {
            routes.AddRange(
            [
                (HttpMethod.Post, prefix + "customers", false),
                (HttpMethod.Get, prefix + "customers", false),
                (HttpMethod.Get, $"{prefix}customers/{customer}", false),
                (HttpMethod.Patch, $"{prefix}customers/{customer}", false),
                (HttpMethod.Put, $"{prefix}customers/{customer}", false),
                (HttpMethod.Post, $"{prefix}customers/{customer}/addresses", false),
                (HttpMethod.Get, $"{prefix}customers/{customer}/addresses", false),
                (HttpMethod.Get, $"{prefix}customers/{customer}/addresses/{address}", false),
                (HttpMethod.Patch, $"{prefix}customers/{customer}/addresses/{address}", false),
                (HttpMethod.Delete, $"{prefix}customers/{customer}/addresses/{address}", false),
                (HttpMethod.Post, $"{prefix}customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/addresses", false),
            ]);
        }

        routes.AddRange(
        [
            (HttpMethod.Get, $"organizations/{organization}/billing-addresses", true),
            (HttpMethod.Post, $"organizations/{organization}/billing-addresses", true),
            (HttpMethod.Put, $"organizations/{organization}/billing-addresses/{billing}", true),
            (HttpMethod.Delete, $"organizations/{organization}/billing-addresses/{billing}0", true),
            (HttpMethod.Patch, $"organizations/{organization}/billing-addresses", true),
            (HttpMethod.Post, "nowhere/at/all", false),
        ]);
        _routes = [.. routes];
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    private async Task<string> IdOf(string path, string body)
    {
        using HttpResponseMessage response = await _http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        JsonElement root = json.RootElement;
        JsonElement entity = root.TryGetProperty("data", out JsonElement data) ? (data.TryGetProperty("billing_address", out JsonElement b) ? b : data) : root;
        return entity.GetProperty("id").GetString()!;
    }

    /// <summary>Random bytes, or one of the valid bodies broken in one of the ways a client or a proxy breaks a body.</summary>
    private static readonly Gen<byte[]> s_bodies = Gen.Frequency(
        (1, Gen.Byte.Array[0, 300]),
        (6, Gen.Select(Gen.Int[0, s_validBodies.Length - 1], Gen.Int[0, 9], Gen.Int[0, 100_000], Gen.Byte, Mutate)));

    private static byte[] Mutate(int which, int mutation, int at, byte value)
    {
        string json = s_validBodies[which];
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        int quote = Quotes(json) is { Count: > 0 } quotes ? quotes[at % quotes.Count] : 1; // a position inside a name or a string
        return mutation switch
        {
            0 => Replace(bytes, at % bytes.Length, [value]),                                          // any byte, anywhere
            1 => Insert(bytes, quote, s_badUtf8[at % s_badUtf8.Length]),                              // bad UTF-8 in a name or a value
            2 => Insert(bytes, quote, "\\ud800"u8.ToArray()),                                          // a lone surrogate escape
            3 => Encoding.UTF8.GetBytes(json.Insert(1, FirstMember(json))),                          // a member twice
            4 => Encoding.UTF8.GetBytes(ReplaceFirstValue(json, (at % 6) switch { 0 => "12", 1 => "[1]", 2 => "{}", 3 => "true", 4 => "null", _ => "\"\"" })), // another type
            5 => Encoding.UTF8.GetBytes("{\"custom_data\":" + new string('[', 60 + (at % 30)) + new string(']', 60 + (at % 30)) + "}"), // too deep
            6 => bytes[..(at % bytes.Length)],                                                         // cut off
            7 => Encoding.UTF8.GetBytes((at % 4) switch { 0 => "[]", 1 => "\"text\"", 2 => "42", _ => "null" }), // not an object
            8 => Encoding.UTF8.GetBytes(json + json),                                                 // two documents
            _ => Encoding.UTF8.GetBytes(json.Replace("\"", "'", StringComparison.Ordinal)),           // not JSON quoting
        };
    }

    private static List<int> Quotes(string json)
    {
        var positions = new List<int>();
        for (int i = 0; i < json.Length; i++)
        {
            if (json[i] == '"')
            {
                positions.Add(Encoding.UTF8.GetByteCount(json.AsSpan(0, i + 1)));
            }
        }

        return positions;
    }

    /// <summary>The first member with its comma, such as <c>"email":"a@b.c",</c>; empty when the object has one member.</summary>
    private static string FirstMember(string json) =>
        json.IndexOf(',', StringComparison.Ordinal) is var comma and > 0 ? json[1..(comma + 1)] : string.Empty;

    private static string ReplaceFirstValue(string json, string replacement)
    {
        int colon = json.IndexOf(':', StringComparison.Ordinal);
        int end = json.IndexOfAny([',', '}'], colon);
        return json[..(colon + 1)] + replacement + json[end..];
    }

    private static byte[] Replace(byte[] bytes, int at, byte[] with) => [.. bytes[..at], .. with, .. bytes[(at + 1)..]];

    private static byte[] Insert(byte[] bytes, int at, byte[] what) => [.. bytes[..at], .. what, .. bytes[at..]];

    /// <summary>A 4xx in the dialect's error shape: Paddle's <c>error</c> object, or Wacht's envelope with its status.</summary>
    private static void AssertAnsweredInShape(HttpStatusCode status, string body, bool billing, string what)
    {
        Assert.True((int)status < 500, $"{what} answered {(int)status}: {body}");
        if (status != HttpStatusCode.BadRequest)
        {
            return;
        }

        using JsonDocument json = JsonDocument.Parse(body);
        if (billing)
        {
            Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
            Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("errors").ValueKind);
        }
        else
        {
            Assert.Equal("request_error", json.RootElement.GetProperty("error").GetProperty("type").GetString());
            Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("error").GetProperty("code").GetString()));
        }
    }

    private async Task<(HttpStatusCode Status, string Body)> Send(HttpMethod method, string path, HttpContent content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using HttpResponseMessage response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_route_answers_every_generated_body_without_a_5xx()
    {
        int sent = 0;
        await s_bodies.SampleAsync(
            async body =>
            {
                foreach ((HttpMethod method, string path, bool billing) in _routes)
                {
                    var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                    (HttpStatusCode status, string answer) = await Send(method, path, content);
                    AssertAnsweredInShape(status, answer, billing, $"{method} {path} with [{Convert.ToHexString(body)}]");
                    Interlocked.Increment(ref sent);
                }
            },
            iter: Iterations,
            threads: 1,
            seed: Environment.GetEnvironmentVariable("MALFORMED_SEED") ?? "0N0XIzNsQ0O2");

        output.WriteLine($"{sent} requests, none answered 5xx");
        Assert.True(sent >= Iterations * _routes.Length);
    }

    [Theory]
    [InlineData("""{"email":"a@b.c","email":"d@e.f"}""", "customers")]
    [InlineData("""{"email":"a@b.c","name":"\ud800"}""", "customers")]
    [InlineData("""{"country_code":"US","city":"\udfff x"}""", "customers/{customer}/addresses")]
    [InlineData("""{"name":"HQ","name":"HQ2","company":"Acme","address_line_1":"1 Road","city":"LA","state":"CA","postal_code":"90210","country":"US"}""", "organizations/{organization}/billing-addresses")]
    public async Task The_malformed_bodies_that_once_crashed_it_are_a_400_in_the_dialects_shape(string body, string template)
    {
        string customer = await IdOf("customers", """{"email":"template@example.com"}""");
        string path = template.Replace("{customer}", customer, StringComparison.Ordinal).Replace("{organization}", _emulator.CreateOrganization(), StringComparison.Ordinal);

        (HttpStatusCode status, string answer) = await Send(HttpMethod.Post, path, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertAnsweredInShape(status, answer, template.StartsWith("organizations", StringComparison.Ordinal), path);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_member_name_and_a_body_over_the_limit_are_a_400()
    {
        byte[] badName = [.. "{\"em"u8, 0xFF, .. "ail\":\"a@b.c\"}"u8];
        byte[] huge = Encoding.UTF8.GetBytes("{\"email\":\"a@b.c\",\"name\":\"" + new string('a', 2 * 1024 * 1024) + "\"}");

        foreach (byte[] body in new[] { badName, huge })
        {
            (HttpStatusCode status, string answer) = await Send(HttpMethod.Post, "customers", new ByteArrayContent(body));

            Assert.Equal(HttpStatusCode.BadRequest, status);
            AssertAnsweredInShape(status, answer, billing: false, "POST customers");
        }
    }
}
