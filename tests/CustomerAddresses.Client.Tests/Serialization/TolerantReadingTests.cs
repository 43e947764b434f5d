using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.Serialization;

/// <summary>What servers send that the contract allows: every form is read without error.</summary>
public sealed class TolerantReadingTests : FakeApiTests
{
    private const string Path = "/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4/addresses";
    private async Task<Address> CreateFrom(string body)
    {
        Api.Reply("POST", Path, 201, body);
        return await Api.Client().Addresses.CreateAsync(Ids.PaddleCustomer, new CreateAddressRequest { Region = "NY", City = "New York", Country = "US" });
    }

    [Theory]
    [InlineData("2024-10-12T07:20:50Z", 0)]
    [InlineData("2024-10-12T07:20:50.5Z", 5_000_000)]
    [InlineData("2024-10-12T07:20:50.52Z", 5_200_000)]
    [InlineData("2024-10-12T07:20:50.533006Z", 5_330_060)]
    [InlineData("2024-10-12T07:20:50.5330061Z", 5_330_061)]
    [InlineData("2024-10-12 07:20:50.52Z", 5_200_000)]
    [InlineData("2024-10-12t07:20:50.52z", 5_200_000)]
    [InlineData("2024-10-12T09:20:50.52+02:00", 5_200_000)]
    public async Task Reads_RFC_3339_timestamps_with_0_to_7_fractional_digits(string timestamp, long fractionTicks)
    {
        Address address = await CreateFrom($$"""{"id":"add_1","created_at":"{{timestamp}}"}""");

        Assert.Equal(new DateTimeOffset(2024, 10, 12, 7, 20, 50, TimeSpan.Zero).AddTicks(fractionTicks), address.CreatedAt);
    }

    [Fact]
    public async Task Ignores_unknown_members_and_keeps_unknown_status_values()
    {
        Address address = await CreateFrom("""{"id":"add_1","status":"quarantined","brand_new_field":{"nested":[1,2,{"x":null}]},"another":42}""");

        Assert.Equal(new AddressStatus("quarantined"), address.Status);
    }

    [Fact]
    public async Task Reads_country_or_country_code()
    {
        Assert.Equal("RW", (await CreateFrom("""{"id":"add_1","country":"RW"}""")).Country?.Value);
        Assert.Equal("DE", (await CreateFrom("""{"id":"add_2","country_code":"DE"}""")).Country?.Value);
    }

    [Fact]
    public async Task Reads_nulls_where_the_contract_allows_them()
    {
        Address address = await CreateFrom("""{"id":"add_1","customer_id":"ctm_01hv6y1jedq4p1n0yqn5ba3ky4","description":null,"first_line":null,"city":null,"custom_data":null,"import_meta":null,"status":null,"created_at":null}""");

        Assert.Null(address.Description);
        Assert.Null(address.CustomData);
        Assert.Null(address.CreatedAt);
    }

    [Fact]
    public async Task Reads_an_address_wrapped_in_data_with_meta()
    {
        Address address = await CreateFrom("""{"data":{"id":"add_9","customer_id":"ctm_01hv6y1jedq4p1n0yqn5ba3ky4","city":"Astoria"},"meta":{"request_id":"b15ec92e"}}""");

        Assert.Equal("add_9", address.Id.Value);
        Assert.Equal("Astoria", address.City);
    }

    [Fact]
    public async Task Reads_a_bare_seed_004_style_envelope_around_any_resource()
    {
        Address address = await CreateFrom("""{"status":201,"message":"","data":{"address":{"id":"add_7","city":"Kigali"}},"errors":[]}""");

        Assert.Equal("add_7", address.Id.Value);
        Assert.Equal("Kigali", address.City);
    }
}
