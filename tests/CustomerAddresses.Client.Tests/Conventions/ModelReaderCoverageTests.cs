using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.Tests.Conventions;

/// <summary>
/// The response models are read by hand-written converters: a member added to a model but not to its converter would
/// be silently dropped. Every member a model names for JSON must change what is read.
/// </summary>
public sealed class ModelReaderCoverageTests
{
    public static TheoryData<string, string> Members()
    {
        var data = new TheoryData<string, string>();
        foreach (Type model in new[] { typeof(Address), typeof(Customer), typeof(BillingAddress) })
        {
            foreach (PropertyInfo property in model.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<JsonPropertyNameAttribute>() is { Name: not "id" } name)
                {
                    data.Add(model.Name, name.Name);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void Every_json_member_of_a_model_is_read_by_its_converter(string model, string member)
    {
        JsonTypeInfo typeInfo = model switch
        {
            nameof(Address) => CustomerAddresses.Client.Addresses.AddressesJsonContext.Default.Address,
            nameof(Customer) => CustomerAddresses.Client.Customers.CustomersJsonContext.Default.Customer,
            _ => CustomerAddresses.Client.BillingAddresses.BillingAddressesJsonContext.Default.BillingAddress,
        };
        Type type = typeInfo.Type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Single(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == member).PropertyType;

        object without = JsonSerializer.Deserialize("""{"id":"x_1"}""", typeInfo)!;
        object with = JsonSerializer.Deserialize($$"""{"id":"x_1","{{member}}":{{Sample(Nullable.GetUnderlyingType(type) ?? type)}}}""", typeInfo)!;

        Assert.NotEqual(without, with);
    }

    private static string Sample(Type type) =>
        type == typeof(string) ? "\"s\""
        : type == typeof(bool) ? "true"
        : type == typeof(DateTimeOffset) ? "\"2024-01-01T00:00:00Z\""
        : type == typeof(CountryCode) ? "\"US\""
        : type == typeof(AddressStatus) || type == typeof(CustomerStatus) ? "\"active\""
        : type == typeof(JsonObject) ? """{"a":1}"""
        : type == typeof(ImportMeta) ? """{"imported_from":"x"}"""
        : type == typeof(CustomerPostalAddress) ? """{"country":"US"}"""
        : type == typeof(CustomerId) ? "\"ctm_1\""
        : throw new InvalidOperationException($"Add a sample JSON value for {type.Name}.");
}
