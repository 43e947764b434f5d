using CustomerAddresses.Client.Addresses;
using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Core.Paging;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client;

/// <summary>
/// Customer address operations. Get one from <see cref="CustomerAddressesClient.Addresses"/>. Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Each operation has two overloads: one that returns the resource, and one that takes <see cref="RequestOptions"/>
/// (headers, a timeout, a client request id for this call) and returns it in an <see cref="ApiResponse{T}"/> with the
/// status, request id and headers.
/// </para>
/// <para>Every method is virtual, so a test double can override just the ones it needs and new methods never break it.</para>
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
    public virtual Task<Address> CreateAsync(CustomerId customerId, CreateAddressRequest request, CancellationToken cancellationToken = default) =>
        Channel.InvokeAsync(AddressOperations.Create, (customerId, request), cancellationToken);

    /// <summary>
    /// Checks a create request exactly as <see cref="CreateAsync(CustomerId, CreateAddressRequest, CancellationToken)"/>
    /// checks it before sending, in this client's dialect, and returns what it would refuse instead of throwing; nothing
    /// is sent.
    /// </summary>
    /// <param name="request">The address to check.</param>
    /// <returns>Empty when the request would be sent; otherwise the first problem found (a send refuses it with an <see cref="ArgumentException"/> of the same words).</returns>
    public virtual IReadOnlyList<RequestProblem> Validate(CreateAddressRequest request) =>
        request is null ? [new RequestProblem("request", "is required.")] : Channel.Problems(AddressOperations.Create, (s_anyCustomer, request));

    /// <summary>Creates an address for a customer with options for this call, and returns what the server said about it.</summary>
    /// <param name="customerId">The customer the address belongs to.</param>
    /// <param name="request">The address; see <see cref="CreateAsync(CustomerId, CreateAddressRequest, CancellationToken)"/>.</param>
    /// <param name="requestOptions">Headers, a timeout, a client request id for this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created address, with the response's status, request id and headers.</returns>
    /// <exception cref="ArgumentException">An argument or an option is invalid; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">The customer does not exist.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<ApiResponse<Address>> CreateAsync(CustomerId customerId, CreateAddressRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        Channel.InvokeWithResponseAsync(AddressOperations.Create, (customerId, request), requestOptions, cancellationToken);

    /// <summary>
    /// Lists a customer's addresses (<c>GET customers/{customer_id}/addresses</c>). Enumerate the result for the
    /// addresses, fetched lazily one page at a time, or call <see cref="AsyncPageable{T}.AsPages"/> for the pages (each
    /// with its <see cref="Page{T}.Response"/>) and a continuation token to resume from.
    /// </summary>
    /// <param name="customerId">The customer whose addresses to list.</param>
    /// <param name="options">Filters, order and page size; <see langword="null"/> for the server defaults.</param>
    /// <param name="cancellationToken">Cancels the listing, including a page request under way.</param>
    /// <returns>The listing; nothing is sent until it is enumerated.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; thrown by this call, before any request.</exception>
    /// <exception cref="CustomerAddressesApiException">A page request failed, or the server broke its own paging rules (<see cref="UnexpectedResponseException"/>); thrown during enumeration.</exception>
    public virtual AsyncPageable<Address> ListAsync(CustomerId customerId, ListAddressesOptions? options = null, CancellationToken cancellationToken = default) =>
        ListAsync(customerId, options, requestOptions: null, cancellationToken);

    /// <summary>Lists a customer's addresses with options for each page request; see <see cref="ListAsync(CustomerId, ListAddressesOptions?, CancellationToken)"/>.</summary>
    /// <param name="customerId">The customer whose addresses to list.</param>
    /// <param name="options">Filters, order and page size; <see langword="null"/> for the server defaults.</param>
    /// <param name="requestOptions">Headers, a timeout (per page), a client request id for every page request; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the listing, including a page request under way.</param>
    /// <returns>The listing; nothing is sent until it is enumerated.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; thrown by this call, before any request.</exception>
    /// <exception cref="CustomerAddressesApiException">A page request failed; thrown during enumeration.</exception>
    public virtual AsyncPageable<Address> ListAsync(CustomerId customerId, ListAddressesOptions? options, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        TypedId.ThrowIfDefault(customerId, nameof(customerId));
        (OwnedListArgs args, PageQuery first) = AddressListArgs.From(customerId, options);
        return Channel.List(AddressOperations.List, args, first, requestOptions, cancellationToken);
    }

    /// <summary>Gets one of a customer's addresses (<c>GET customers/{customer_id}/addresses/{address_id}</c>).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="addressId">The address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The address.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">There is no such customer or address.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<Address> GetAsync(CustomerId customerId, AddressId addressId, CancellationToken cancellationToken = default) =>
        Channel.InvokeAsync(AddressOperations.Get, (customerId, addressId), cancellationToken);

    /// <summary>Gets one of a customer's addresses with options for this call, and returns what the server said about it.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="addressId">The address.</param>
    /// <param name="requestOptions">Headers, a timeout, a client request id for this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The address, with the response's status, request id and headers.</returns>
    /// <exception cref="ArgumentException">An argument or an option is invalid; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">There is no such customer or address.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<ApiResponse<Address>> GetAsync(CustomerId customerId, AddressId addressId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        Channel.InvokeWithResponseAsync(AddressOperations.Get, (customerId, addressId), requestOptions, cancellationToken);

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
    public virtual Task<Address> UpdateAsync(CustomerId customerId, AddressId addressId, UpdateAddressRequest request, CancellationToken cancellationToken = default) =>
        Channel.InvokeAsync(AddressOperations.Update, (customerId, addressId, request), cancellationToken);

    /// <summary>Updates an address with options for this call, and returns what the server said about it.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="addressId">The address.</param>
    /// <param name="request">What to change; see <see cref="UpdateAsync(CustomerId, AddressId, UpdateAddressRequest, CancellationToken)"/>.</param>
    /// <param name="requestOptions">Headers, a timeout, a client request id for this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The address as the server stored it, with the response's status, request id and headers.</returns>
    /// <exception cref="ArgumentException">An argument or an option is invalid; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">There is no such customer or address.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<ApiResponse<Address>> UpdateAsync(CustomerId customerId, AddressId addressId, UpdateAddressRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        Channel.InvokeWithResponseAsync(AddressOperations.Update, (customerId, addressId, request), requestOptions, cancellationToken);

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

    /// <summary>Archives an address with options for this call, and returns what the server said about it.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="addressId">The address.</param>
    /// <param name="requestOptions">Headers, a timeout, a client request id for this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The archived address, with the response's status, request id and headers.</returns>
    /// <exception cref="ArgumentException">An argument or an option is invalid; nothing was sent.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<ApiResponse<Address>> ArchiveAsync(CustomerId customerId, AddressId addressId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        UpdateAsync(customerId, addressId, new UpdateAddressRequest { Status = AddressStatus.Archived }, requestOptions, cancellationToken);

    /// <summary>A well-formed customer id for <see cref="Validate"/>: the check reads the request, and only the id's shape.</summary>
    private static readonly CustomerId s_anyCustomer = CustomerId.Parse("ctm_0");

    private ResourceChannel<IAddressesApi> Channel => ResourceChannel<IAddressesApi>.Of(_channel, nameof(AddressesClient));
}
