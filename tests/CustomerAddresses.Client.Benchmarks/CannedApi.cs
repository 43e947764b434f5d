using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CustomerAddresses.Client.Benchmarks;

/// <summary>
/// The in-memory server both sides call: canned bytes per route, no sockets. List pages are generated once, up
/// front, so that serving one costs nothing but wrapping its bytes.
/// </summary>
internal sealed class CannedApi : HttpMessageHandler
{
    public const string CustomerId = "ctm_01hv6y1jedq4p1n0yqn5ba3ky4";
    public const string OrganizationId = "org_1";

    private readonly byte[] _createAddress = Fixture("000-create-address.response.json");
    private readonly byte[] _billing = Fixture("004-add-billing-address.response.json");
    private readonly byte[] _customer = Fixture("paddle/openapi.customers.get.200.json");
    private readonly byte[] _updatedCustomer = Fixture("paddle/openapi.customers.update.200.json");
    private readonly byte[] _customerPage = CustomerPage(50);
    private readonly Dictionary<string, byte[]> _pagesByAfter = new(StringComparer.Ordinal);
    private byte[] _firstPage = [];

    /// <summary>A fixture the tests share, copied next to the benchmarks.</summary>
    internal static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static string AddressId(int n) => $"add_{n:D26}";

    private int _total;
    private int _perPage;
    private bool _lazy;
    private JsonObject? _template;

    /// <summary>
    /// Prepares <paramref name="total"/> addresses in pages of <paramref name="perPage"/>, in the seed 002 shape:
    /// generated up front, or (<paramref name="lazy"/>) on request, so that the server holds no data that grows
    /// with the total (for peak-memory measurements).
    /// </summary>
    public CannedApi WithAddresses(int total, int perPage, bool lazy = false)
    {
        _template = JsonNode.Parse(Fixture("002-list-addresses.response.json"))!["data"]![1]!.AsObject();
        (_total, _perPage, _lazy) = (total, perPage, lazy);
        _pagesByAfter.Clear();
        _firstPage = Page(0);
        if (!lazy)
        {
            for (int start = perPage; start < total; start += perPage)
            {
                _pagesByAfter[AddressId(start - 1)] = Page(start);
            }
        }

        return this;
    }

    /// <summary>A page of <paramref name="count"/> customers in the shape of Paddle's list example, its first item repeated with new ids.</summary>
    private static byte[] CustomerPage(int count)
    {
        JsonObject template = JsonNode.Parse(Fixture("paddle/openapi.customers.list.200.json"))!["data"]![0]!.AsObject();
        var data = new JsonArray();
        for (int n = 0; n < count; n++)
        {
            JsonObject item = template.DeepClone().AsObject();
            item["id"] = $"ctm_{n:D26}";
            data.Add(item);
        }

        return Encoding.UTF8.GetBytes(new JsonObject
        {
            ["data"] = data,
            ["meta"] = new JsonObject
            {
                ["request_id"] = "d195779a-5cbe-41e1-8dbb-537057978d1b",
                ["pagination"] = new JsonObject { ["per_page"] = count, ["next"] = $"https://api.paddle.com/customers?after=ctm_{count - 1:D26}", ["has_more"] = false, ["estimated_total"] = count },
            },
        }.ToJsonString());
    }

    /// <summary>The bytes of the first page of <paramref name="perPage"/> addresses.</summary>
    public static byte[] FirstPageBytes(int perPage) => new CannedApi().WithAddresses(perPage, perPage)._firstPage;

    private byte[] Page(int start)
    {
        int end = Math.Min(start + _perPage, _total);
        var data = new JsonArray();
        for (int n = start; n < end; n++)
        {
            JsonObject item = _template!.DeepClone().AsObject();
            item["id"] = AddressId(n);
            data.Add(item);
        }

        return Encoding.UTF8.GetBytes(new JsonObject
        {
            ["data"] = data,
            ["meta"] = new JsonObject
            {
                ["request_id"] = "d195779a-5cbe-41e1-8dbb-537057978d1b",
                ["pagination"] = new JsonObject { ["per_page"] = _perPage, ["next"] = $"https://api.paddle.com/customers/{CustomerId}/addresses?after={AddressId(end - 1)}", ["has_more"] = end < _total, ["estimated_total"] = _total },
            },
        }.ToJsonString());
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Read the request body as a socket would: a body that is never read is never serialized, which would leave
        // out of a side's cost the JSON writing every real call pays (JsonContent and unbuffered Refit write lazily).
        if (request.Content is { } sent)
        {
            await sent.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        string path = request.RequestUri!.AbsolutePath;
        byte[] body;
        HttpStatusCode status = HttpStatusCode.OK;
        if (request.Method == HttpMethod.Get && !path.EndsWith("/addresses", StringComparison.Ordinal))
        {
            body = path.EndsWith("/customers", StringComparison.Ordinal) ? _customerPage : _customer;
        }
        else if (request.Method == HttpMethod.Patch)
        {
            body = _updatedCustomer;
        }
        else if (request.Method == HttpMethod.Get)
        {
            string query = request.RequestUri.Query;
            int at = query.IndexOf("after=", StringComparison.Ordinal);
            string? after = at < 0 ? null : query.Substring(at + 6, 30);
            body = after is null ? _firstPage
                : _lazy ? Page(int.Parse(after.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture) + 1)
                : _pagesByAfter[after];
        }
        else
        {
            status = HttpStatusCode.Created;
            body = path.EndsWith("/billing-addresses", StringComparison.Ordinal) ? _billing : _createAddress;
        }

        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(status) { Content = content, RequestMessage = request };
    }
}
