using CustomerAddresses.Client.Http;
using CustomerAddresses.Client.Primitives;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.Customers;

/// <summary>Customer operations over one <see cref="ApiConnection"/>.</summary>
internal sealed class CustomersClient : ICustomersClient
{
    private const string CreateOperation = "Create customer (POST customers)";
    private readonly ApiConnection _connection;

    internal CustomersClient(ApiConnection connection) => _connection = connection;

    public Task<Customer> CreateAsync(CreateCustomerRequest request, CancellationToken cancellationToken = default)
    {
        RequestChecks.Validate(request);
        return ClientTelemetry.RunAsync("customers.create", (this, request, cancellationToken), static s => s.Item1.SendAsync(s.request, s.cancellationToken));
    }

    private async Task<Customer> SendAsync(CreateCustomerRequest request, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await _connection.Customers.CreateAsync(request, cancellationToken).ConfigureAwait(false);
        return await _connection.Reader
            .ReadResourceAsync(response, CustomerAddressesJsonContext.Default.Customer, CreateOperation, cancellationToken)
            .ConfigureAwait(false);
    }
}
