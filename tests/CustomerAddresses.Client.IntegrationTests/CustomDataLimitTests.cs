using System.Text.Json.Nodes;
using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Testing;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>
/// The custom_data limits the client enforces are the limits that work on the wire: at the limit a create and an
/// update reach the server and succeed; one level past it, or a value the serializer cannot write, is an
/// <see cref="ArgumentException"/> naming the member before any request.
/// </summary>
public sealed class CustomDataLimitTests
{
    public static TheoryData<ApiDialect> Dialects => [ApiDialect.PaddleBilling, ApiDialect.CustomersApiV1];

    private static async Task<(CustomerAddressesEmulator Emulator, CustomerAddressesClient Client, Customer Customer, Address Address)> Start(ApiDialect dialect)
    {
        CustomerAddressesEmulator emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { RecordRequests = true });
        bool paddle = dialect == ApiDialect.PaddleBilling;
        CustomerAddressesClient client = paddle
            ? TestClients.Create(emulator.BaseAddress, o => o.Dialect = ApiDialect.PaddleBilling)
            : TestClients.Create(emulator.ApiV1BaseAddress);
        Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Name = paddle ? null : "Jo", Email = "jo@example.com" });
        Address address = await client.Addresses.CreateAsync(customer.Id, paddle
            ? new CreateAddressRequest { Country = "US" }
            : new CreateAddressRequest { Region = "CA", City = "LA", Country = "US" });
        return (emulator, client, customer, address);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Custom_data_at_the_limit_is_created_and_updated_on_the_server(ApiDialect dialect)
    {
        (CustomerAddressesEmulator emulator, CustomerAddressesClient client, Customer customer, Address address) = await Start(dialect);
        await using (emulator)
        using (client)
        {
            JsonObject deepest = DeepJson.Object(CustomerAddresses.Client.Core.RequestChecks.MaxCustomDataDepth);
            bool paddle = dialect == ApiDialect.PaddleBilling;

            Customer created = await client.Customers.CreateAsync(new CreateCustomerRequest { Name = paddle ? null : "Al", Email = "al@example.com", CustomData = deepest });
            Customer updated = await client.Customers.UpdateAsync(customer.Id, new UpdateCustomerRequest { CustomData = deepest });
            Address withData = await client.Addresses.CreateAsync(customer.Id, paddle
                ? new CreateAddressRequest { Country = "US", CustomData = deepest }
                : new CreateAddressRequest { Region = "CA", City = "LA", Country = "US", CustomData = deepest });
            Address updatedAddress = await client.Addresses.UpdateAsync(customer.Id, address.Id, new UpdateAddressRequest { CustomData = deepest });

            foreach (JsonObject? stored in new[] { created.CustomData, updated.CustomData, withData.CustomData, updatedAddress.CustomData })
            {
                Assert.True(JsonNode.DeepEquals(deepest, stored));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task One_level_past_the_limit_or_a_value_the_serializer_cannot_write_is_refused_before_any_request(ApiDialect dialect)
    {
        (CustomerAddressesEmulator emulator, CustomerAddressesClient client, Customer customer, Address address) = await Start(dialect);
        await using (emulator)
        using (client)
        {
            int sent = emulator.Requests.Count;
            bool paddle = dialect == ApiDialect.PaddleBilling;
            JsonObject[] unwritable =
            [
                DeepJson.Object(CustomerAddresses.Client.Core.RequestChecks.MaxCustomDataDepth + 1),
                new JsonObject { ["when"] = JsonValue.Create(new Unwritable()) },     // a .NET type no JSON metadata describes
                new JsonObject { ["ratio"] = JsonValue.Create(double.PositiveInfinity) },
                new JsonObject { ["list"] = new JsonArray(JsonValue.Create(float.NaN)) },
            ];

            foreach (JsonObject data in unwritable)
            {
                Func<Task>[] calls =
                [
                    () => client.Customers.CreateAsync(new CreateCustomerRequest { Name = paddle ? null : "Al", Email = "al@example.com", CustomData = data }),
                    () => client.Customers.UpdateAsync(customer.Id, new UpdateCustomerRequest { CustomData = data }),
                    () => client.Addresses.CreateAsync(customer.Id, paddle
                        ? new CreateAddressRequest { Country = "US", CustomData = data }
                        : new CreateAddressRequest { Region = "CA", City = "LA", Country = "US", CustomData = data }),
                    () => client.Addresses.UpdateAsync(customer.Id, address.Id, new UpdateAddressRequest { CustomData = data }),
                ];
                foreach (Func<Task> call in calls)
                {
                    ArgumentException e = await Assert.ThrowsAnyAsync<ArgumentException>(call);
                    Assert.Equal("request.CustomData", e.ParamName);
                }
            }

            Assert.Equal(sent, emulator.Requests.Count);
        }
    }

    /// <summary>A type the serializer has no metadata for (reflection is off in an AOT app; here it has no public members to write either way).</summary>
    private sealed class Unwritable
    {
        public IntPtr Handle { get; } = IntPtr.Zero;
    }
}
