using System.Text;
using System.Text.Json;
using CustomerAddresses.Client.Protocol;
using CustomerAddresses.Client.Serialization;
using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.Protocol;

/// <summary>Both documented list shapes read in one pass, without HTTP.</summary>
public sealed class ListEnvelopeReaderTests
{
    private static ListEnvelope<Address> Read(string json) =>
        ListEnvelopeReader.Read(Encoding.UTF8.GetBytes(json), CustomerAddresses.Client.Addresses.AddressesJsonContext.Default.ListBodyAddress, "addresses", "customer_id");

    [Fact]
    public void Reads_seed_002s_cursor_envelope()
    {
        ListEnvelope<Address> list = Read(Fixture.Text("002-list-addresses.response.json"));

        Assert.False(list.IsOffsetShape);
        Assert.Equal(["add_01hv8h6jj90jjz0d71m6hj4r9z", "add_01hv8gwdfkw5z6d1yy6pa3xyrz", "add_01hv8gq3318ktkfengj2r75gfx"], list.Items.Select(a => a.Id.Value));
        Assert.Equal(["Sales Office", "California Office", "Head Office"], list.Items.Select(a => a.Description));
        Assert.Equal("d195779a-5cbe-41e1-8dbb-537057978d1b", list.RequestId);
        Assert.Equal("https://api.paddle.com/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/addresses?after=add_01hv8gq3318ktkfengj2r75gfx", list.Next);
        Assert.False(list.HasMore);
        Assert.Equal(3, list.EstimatedTotal);
        Assert.Null(list.Owner);
    }

    [Fact]
    public void Reads_seed_001s_offset_body_with_its_owner()
    {
        ListEnvelope<Address> list = Read(Fixture.Text("001-list-addresses-offset.response.json"));

        Assert.True(list.IsOffsetShape);
        Assert.Equal(2, list.Items.Count);
        Assert.Equal("cus_01h1w8r7s2v4l5m6n7p8j9k0q2", list.Owner);
        Assert.Equal(2, list.Limit);
        Assert.Equal(0, list.Offset);
    }

    [Fact]
    public void Reads_pagination_members_at_their_depth_only()
    {
        ListEnvelope<Address> list = Read("""
            {"data":[],"extra":{"has_more":true},"meta":{"request_id":"r1","other":{"next":"x"},
             "pagination":{"per_page":2,"next":"https://h/?after=a","has_more":true,"estimated_total":7,"request_id":"not-this"}}}
            """);

        Assert.Equal("r1", list.RequestId);
        Assert.Equal("https://h/?after=a", list.Next);
        Assert.True(list.HasMore);
        Assert.Equal(7, list.EstimatedTotal);
    }

    [Theory]
    [InlineData("""{"data":[],"meta":"not an object"}""")]
    [InlineData("""{"data":[],"meta":{"pagination":"not an object","request_id":"r1"}}""")]
    [InlineData("""{"data":[],"meta":null,"status":200,"message":"","session":{},"errors":null}""")]
    public void A_meta_or_pagination_that_is_not_an_object_is_ignored_not_refused(string json)
    {
        ListEnvelope<Address> list = Read(json);

        Assert.Empty(list.Items);
        Assert.False(list.HasMore);
        Assert.Null(list.Next);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"data":null}""")]
    [InlineData("""{"data":{}}""")]
    [InlineData("""{"data":[null]}""")]
    [InlineData("""{"addresses":[],"limit":"2"}""")]
    [InlineData("""{"data":[],"meta":{"pagination":{"has_more":"yes"}}}""")]
    [InlineData("""{"addresses":[],"customer_id":5}""")]
    public void Anything_else_is_a_JSON_exception_the_reader_turns_into_an_unexpected_response(string json)
    {
        Assert.ThrowsAny<JsonException>(() => Read(json));
    }
}
