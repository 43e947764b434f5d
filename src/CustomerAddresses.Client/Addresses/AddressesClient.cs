using CustomerAddresses.Client.Addresses;
using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Core.Paging;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client;

/// <summary>
/// Customer address operations. Get one from <see cref="CustomerAddressesClient.Addresses"/>. Thread-safe.
/// </summary>
/// <remarks>
/// Every method is virtual, so a test double can override just the ones it needs and new methods never break it.
/// </remarks>
public class AddressesClient
{
    private readonly ResourceChannel<IAddressesApi>? _channel;

    /// <summary>Initializes an instance for a test double; only overridden methods may be called on it.</summary>
    protected AddressesClient()
    {
    }

    internal AddressesClient(OperationInvoker invoker) => _channel = new ResourceChannel<IAddressesApi>(invoker, AddressesJsonContext.Default);

    /// <summary>Creates an address for a customer (<c>POST customers/{customer_id}/addresses</c>). Not retried after it may have reached the server.</summary>
    /// <param name="customerId">The customer the address belongs to.</param>
    /// <param name="request">
    /// The address: <c>Country</c> is required; the /api/v1 API also requires <c>Region</c> and <c>City</c>, and does not
    /// define <c>FirstLine</c>, <c>SecondLine</c> or <c>PostalCode</c> (setting one is an <see cref="ArgumentException"/>).
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created address; its <see cref="Address.CustomerId"/> is filled in when the server leaves it out.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">The customer does not exist.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<Address> CreateAsync(CustomerId customerId, CreateAddressRequest request, CancellationToken cancellationToken = default)
    {
        TypedId.ThrowIfDefault(customerId, nameof(customerId));
        ResourceChannel<IAddressesApi> channel = Channel;
        AddressChecks.Validate(request, channel.Dialect);
        return channel.Dialect == ApiDialect.PaddleBilling
            ? channel.InvokeAsync(AddressOperations.CreateOnPaddle, (customerId, PaddleAddressBody.From(request)), cancellationToken)
            : channel.InvokeAsync(AddressOperations.Create, (customerId, request), cancellationToken);
    }

    /// <summary>
    /// Lists a customer's addresses (<c>GET customers/{customer_id}/addresses</c>). Enumerate the result for the
    /// addresses, fetched lazily one page at a time, or call <see cref="AsyncPageable{T}.AsPages"/> for the pages and
    /// a continuation token to resume from.
    /// </summary>
    /// <param name="customerId">The customer whose addresses to list.</param>
    /// <param name="options">Filters, order and page size; <see langword="null"/> for the server defaults.</param>
    /// <param name="cancellationToken">Cancels the listing, including a page request under way.</param>
    /// <returns>The listing; nothing is sent until it is enumerated.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; thrown by this call, before any request.</exception>
    /// <exception cref="CustomerAddressesApiException">A page request failed, or the server broke its own paging rules (<see cref="UnexpectedResponseException"/>); thrown during enumeration.</exception>
    public virtual AsyncPageable<Address> ListAsync(CustomerId customerId, ListAddressesOptions? options = null, CancellationToken cancellationToken = default)
    {
        TypedId.ThrowIfDefault(customerId, nameof(customerId));
        (AddressListArgs args, PageQuery first) = AddressListArgs.From(customerId, options);
        return Channel.List(AddressOperations.List, args, first, cancellationToken);
    }

    /// <summary>Gets one of a customer's addresses (<c>GET customers/{customer_id}/addresses/{address_id}</c>).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="addressId">The address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The address.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">There is no such customer or address.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<Address> GetAsync(CustomerId customerId, AddressId addressId, CancellationToken cancellationToken = default)
    {
        TypedId.ThrowIfDefault(customerId, nameof(customerId));
        TypedId.ThrowIfDefault(addressId, nameof(addressId));
        return Channel.InvokeAsync(AddressOperations.Get, (customerId, addressId), cancellationToken);
    }

    /// <summary>
    /// Updates an address (<c>PATCH customers/{customer_id}/addresses/{address_id}</c>): only the members the request sets
    /// are sent, and a <see cref="Patch{T}"/> member set to <see langword="null"/> is cleared. Not retried after it may
    /// have reached the server.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="addressId">The address.</param>
    /// <param name="request">What to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The address as the server stored it.</returns>
    /// <exception cref="ArgumentException">An argument is invalid, or sets a member the client's dialect does not define; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">There is no such customer or address.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<Address> UpdateAsync(CustomerId customerId, AddressId addressId, UpdateAddressRequest request, CancellationToken cancellationToken = default)
    {
        TypedId.ThrowIfDefault(customerId, nameof(customerId));
        TypedId.ThrowIfDefault(addressId, nameof(addressId));
        ResourceChannel<IAddressesApi> channel = Channel;
        AddressChecks.Validate(request, channel.Dialect);
        return channel.Dialect == ApiDialect.PaddleBilling
            ? channel.InvokeAsync(AddressOperations.UpdateOnPaddle, (customerId, addressId, request), cancellationToken)
            : channel.InvokeAsync(AddressOperations.Update, (customerId, addressId, ApiV1AddressPatch.From(request)), cancellationToken);
    }

    /// <summary>
    /// Archives an address: <c>PATCH customers/{customer_id}/addresses/{address_id}</c> with <c>{"status":"archived"}</c>
    /// (the API has no delete).
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="addressId">The address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The archived address.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<Address> ArchiveAsync(CustomerId customerId, AddressId addressId, CancellationToken cancellationToken = default) =>
        UpdateAsync(customerId, addressId, new UpdateAddressRequest { Status = AddressStatus.Archived }, cancellationToken);

    private ResourceChannel<IAddressesApi> Channel => ResourceChannel<IAddressesApi>.Of(_channel, nameof(AddressesClient));
}
