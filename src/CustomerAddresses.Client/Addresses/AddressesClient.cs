using System.Runtime.CompilerServices;
using CustomerAddresses.Client.Http;
using CustomerAddresses.Client.Pagination;
using CustomerAddresses.Client.Primitives;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.Addresses;

/// <summary>Address operations over one <see cref="ApiConnection"/>.</summary>
internal sealed class AddressesClient : IAddressesClient
{
    private const string CreateOperation = "Create address (POST customers/{customer_id}/addresses)";
    private readonly ApiConnection _connection;

    internal AddressesClient(ApiConnection connection) => _connection = connection;

    public Task<Address> CreateAsync(CustomerId customerId, CreateAddressRequest request, CancellationToken cancellationToken = default)
    {
        TypedId.ThrowIfDefault(customerId, nameof(customerId));
        RequestChecks.Validate(request);
        return ClientTelemetry.RunAsync("addresses.create", (this, customerId, request, cancellationToken), static s => s.Item1.SendAsync(s.customerId, s.request, s.cancellationToken));
    }

    public IAsyncEnumerable<Address> ListAsync(CustomerId customerId, ListAddressesOptions? options = null, CancellationToken cancellationToken = default)
    {
        TypedId.ThrowIfDefault(customerId, nameof(customerId));
        AddressListQuery query = AddressListQuery.From(options);
        return ItemsAsync(customerId, query, cancellationToken);
    }

    public IAsyncEnumerable<Page<Address>> ListPagesAsync(CustomerId customerId, ListAddressesOptions? options = null, CancellationToken cancellationToken = default)
    {
        TypedId.ThrowIfDefault(customerId, nameof(customerId));
        AddressListQuery query = AddressListQuery.From(options);
        return AddressPaginator.PagesAsync(_connection, customerId, query, cancellationToken);
    }

    private async IAsyncEnumerable<Address> ItemsAsync(CustomerId customerId, AddressListQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (Page<Address> page in AddressPaginator.PagesAsync(_connection, customerId, query, cancellationToken).ConfigureAwait(false))
        {
            foreach (Address address in page.Items)
            {
                yield return address;
            }
        }
    }

    private async Task<Address> SendAsync(CustomerId customerId, CreateAddressRequest request, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await _connection.Addresses.CreateAsync(customerId.Value, request, cancellationToken).ConfigureAwait(false);
        Address address = await _connection.Reader
            .ReadResourceAsync(response, CustomerAddressesJsonContext.Default.Address, CreateOperation, cancellationToken)
            .ConfigureAwait(false);
        address.FillMissingCustomerId(customerId);
        return address;
    }
}
