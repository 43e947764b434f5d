using System.Reflection;
using System.Runtime.Loader;
using CustomerAddresses.Client.Tests.Support;

namespace CustomerAddresses.Client.Tests.Core;

/// <summary>
/// What a client's first calls build (docs/benchmarks.md, "Cold start"): the JSON metadata of what those calls write and
/// read, in the client's dialect, and none of the other operations' or the other dialect's. The metadata is cached in
/// static state, which this test process shares, so the client is loaded afresh into a load context of its own and
/// driven by reflection. A source-generated context keeps the metadata its properties hand out in a field named after
/// the type (metadata Refit asks the options for, such as the request body's, is cached by the options instead).
/// </summary>
public sealed class FirstCallTests
{
    [Fact]
    public async Task A_get_and_a_create_build_the_metadata_they_use_and_no_other()
    {
        var context = new AssemblyLoadContext(nameof(FirstCallTests), isCollectible: true);
        try
        {
            Assembly sdk = context.LoadFromAssemblyPath(typeof(CustomerAddressesClient).Assembly.Location);
            var server = new StubHandler((attempt, _) => attempt == 1
                ? StubHandler.Status(200, Fixture.Text("paddle/openapi.customers.get.200.json"))
                : StubHandler.Status(201, Fixture.Text("paddle/openapi.addresses.create.201.json")));
            object client = PaddleClient(sdk, server);

            object customer = await Call(Property(client, "Customers"), "GetAsync", Parse(sdk, "CustomerId", "ctm_01hrffh7gvp29kc7xahm8wddwa"));
            object request = Activator.CreateInstance(sdk.GetType("CustomerAddresses.Client.CreateAddressRequest")!)!;
            Set(request, "Country", Activator.CreateInstance(sdk.GetType("CustomerAddresses.Client.CountryCode")!, "US")!);
            await Call(Property(client, "Addresses"), "CreateAsync", Property(customer, "Id"), request);

            Assert.Equal(2, server.Attempts.Count);
            Assert.Equal("""{"country_code":"US"}""", server.Attempts[1].Body);
            object customers = JsonContext(sdk, "Customers.CustomersJsonContext");
            Assert.NotNull(Built(customers, "Customer"));
            Assert.All(["CreateCustomerRequest", "PaddleCustomerBody", "UpdateCustomerRequest", "ListBodyCustomer"], type => Assert.Null(Built(customers, type)));
            object addresses = JsonContext(sdk, "Addresses.AddressesJsonContext");
            Assert.NotNull(Built(addresses, "Address"));
            Assert.All(["CreateAddressRequest", "ApiV1AddressPatch", "UpdateAddressRequest", "ListBodyAddress"], type => Assert.Null(Built(addresses, type)));
        }
        finally
        {
            context.Unload();
        }
    }

    private static object PaddleClient(Assembly sdk, HttpMessageHandler server)
    {
        object options = Activator.CreateInstance(sdk.GetType("CustomerAddresses.Client.CustomerAddressesClientOptions")!)!;
        Set(options, "BaseAddress", new Uri("https://sandbox-api.paddle.com/"));
        Set(options, "ApiKey", "pdl_sdbx_apikey_01hsecret");
        return Activator.CreateInstance(
            sdk.GetType("CustomerAddresses.Client.CustomerAddressesClient")!, BindingFlags.Instance | BindingFlags.NonPublic, null, [options, server], null)!;
    }

    private static object Parse(Assembly sdk, string type, string value) =>
        sdk.GetType("CustomerAddresses.Client." + type)!.GetMethod("Parse", BindingFlags.Public | BindingFlags.Static, [typeof(string)])!.Invoke(null, [value])!;

    private static object Property(object target, string name) => target.GetType().GetProperty(name)!.GetValue(target)!;

    private static void Set(object target, string name, object value) => target.GetType().GetProperty(name)!.SetValue(target, value);

    /// <summary>Calls the overload that takes the arguments and a cancellation token, and returns its result.</summary>
    private static async Task<object> Call(object target, string method, params object[] arguments)
    {
        Type[] types = [.. arguments.Select(a => a.GetType()), typeof(CancellationToken)];
        var task = (Task)target.GetType().GetMethod(method, types)!.Invoke(target, [.. arguments, CancellationToken.None])!;
        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task)!;
    }

    private static object JsonContext(Assembly sdk, string type) =>
        sdk.GetType("CustomerAddresses.Client." + type)!.GetProperty("Default")!.GetValue(null)!;

    private static object? Built(object jsonContext, string type) =>
        jsonContext.GetType().GetField("_" + type, BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(jsonContext);
}
