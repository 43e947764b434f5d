using System.Text;
using System.Text.Json;
using CsCheck;
using CustomerAddresses.Client.Protocol;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary>
/// The one-pass envelope reader of the models against the two-pass reader kept for every other type: for any body
/// built from the shapes the three servers send (a bare resource, Paddle's <c>data</c> and <c>meta</c>, Wacht's
/// <c>data.billing_address</c>) and the shapes between them, both find the same resource and the same request id, or
/// both refuse the body.
/// </summary>
public sealed class ResourceEnvelopeTests
{
    private const string Address = """{"id":"add_1","customer_id":"ctm_1","city":"Kigali","country_code":"RW","custom_data":{"data":{"id":"x"}}}""";
    private const string Other = """{"id":"add_2","city":"Arusha"}""";

    private static readonly Gen<string> s_meta = Gen.OneOf(
        """{"request_id":"r-1"}""", """{"request_id":null}""", """{"pagination":{"request_id":"no"},"request_id":"r-2"}""", "[]", "\"meta\"", "null");

    private static readonly Gen<string> s_data = Gen.OneOf(
        Address, Other, "{}", "null", "[]", "7",
        "{\"billing_address\":" + Address + "}",
        "{\"address\":" + Address + "}",
        "{\"address\":" + Address + ",\"extra\":1}",
        "{\"extra\":1,\"address\":" + Address + "}",
        "{\"address\":" + Address + ",\"other\":" + Other + "}",
        "{\"id\":\"add_3\",\"nested\":" + Other + "}",
        "{\"address\":\"not an object\"}");

    private static readonly Gen<(string Name, string Json)> s_member = Gen.Frequency(
        (3, s_data.Select(d => ("data", d))),
        (2, s_meta.Select(m => ("meta", m))),
        (2, Gen.OneOf(("status", "201"), ("message", "\"\""), ("errors", "[]"), ("session", "{\"signins\":[{\"id\":\"s\"}]}"))),
        (2, Gen.OneOf(("id", "\"add_9\""), ("city", "\"Root City\""), ("customer_id", "\"ctm_9\""), ("custom_data", "{\"data\":{}}"))));

    private static readonly Gen<string> s_body = Gen.Frequency(
        (6, s_member.Array[0, 6].Select(members => "{" + string.Join(",", members.Select(m => "\"" + m.Name + "\":" + m.Json)) + "}")),
        (1, Gen.OneOf("", "[]", "null", "\"x\"", "{", "{\"data\":{\"id\":\"add_1\"}", "{\"data\":{\"id\":\"add_1\"}}}", "{\"id\":\"add_1\"} {}")));

    private static string Outcome(Func<(Address? Value, string? RequestId)> read)
    {
        try
        {
            (Address? value, string? requestId) = read();
            return (value is null ? "null" : JsonSerializer.Serialize(value, CustomerAddresses.Client.Addresses.AddressesJsonContext.Default.Address)) + " / " + requestId;
        }
        catch (JsonException)
        {
            return "refused";
        }
    }

    [Fact]
    public void The_one_pass_reader_finds_what_the_two_pass_reader_finds_in_any_body()
    {
        s_body.Sample(body =>
        {
            byte[] json = Encoding.UTF8.GetBytes(body);
            string twoPass = Outcome(() => (ResourceEnvelope.ReadByScanning(json, CustomerAddresses.Client.Addresses.AddressesJsonContext.Default.Address, out string? id), id));
            string onePass = Outcome(() => (ResourceEnvelope.Read(json, CustomerAddresses.Client.Addresses.AddressesJsonContext.Default.Address, out string? id), id));

            Assert.Equal(twoPass, onePass);
        }, iter: 5_000);
    }

    [Theory]
    [InlineData("""{"data":{"id":"add_1"},"meta":{"request_id":"r"}}""", "add_1", "r")] // Paddle
    [InlineData("""{"status":201,"message":"","data":{"billing_address":{"id":"add_2"}},"errors":[]}""", "add_2", null)] // Wacht
    [InlineData("""{"id":"add_3","customer_id":"cus_1"}""", "add_3", null)] // /api/v1
    [InlineData("""{"id":"add_4","data":{"id":"add_5"}}""", "add_5", null)] // a data object wins over the root
    public void Each_server_shape_reads_to_its_resource(string body, string id, string? requestId)
    {
        Address? read = ResourceEnvelope.Read(Encoding.UTF8.GetBytes(body), CustomerAddresses.Client.Addresses.AddressesJsonContext.Default.Address, out string? readRequestId);

        Assert.Equal((id, requestId), (read?.Id.Value, readRequestId));
    }
}
