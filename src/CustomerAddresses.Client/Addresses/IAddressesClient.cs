namespace CustomerAddresses.Client;

/// <summary>Customer address operations. Get one from <see cref="ICustomerAddressesClient.Addresses"/>.</summary>
public interface IAddressesClient
{
    /// <summary>Creates an address for a customer (<c>POST customers/{customer_id}/addresses</c>). Not retried after it may have reached the server.</summary>
    /// <param name="customerId">The customer the address belongs to.</param>
    /// <param name="request">The address; <c>Region</c>, <c>City</c> and <c>Country</c> are required.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created address; its <see cref="Address.CustomerId"/> is filled in when the server leaves it out.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">The customer does not exist.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    Task<Address> CreateAsync(CustomerId customerId, CreateAddressRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists a customer's addresses one by one (<c>GET customers/{customer_id}/addresses</c>), fetching pages
    /// lazily as the enumeration reaches them and holding one page at a time.
    /// </summary>
    /// <param name="customerId">The customer whose addresses to list.</param>
    /// <param name="options">Filters, order and page size; <see langword="null"/> for the server defaults.</param>
    /// <param name="cancellationToken">Cancels the listing, including a page request under way.</param>
    /// <returns>The addresses, in the server's order.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; thrown by this call, before any request.</exception>
    /// <exception cref="CustomerAddressesApiException">A page request failed, or the server broke its own paging rules (<see cref="UnexpectedResponseException"/>).</exception>
    IAsyncEnumerable<Address> ListAsync(CustomerId customerId, ListAddressesOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists a customer's addresses page by page; each <see cref="Page{T}.NextCursor"/> can resume the listing later
    /// through <see cref="ListAddressesOptions.After"/>.
    /// </summary>
    /// <param name="customerId">The customer whose addresses to list.</param>
    /// <param name="options">Filters, order and page size; <see langword="null"/> for the server defaults.</param>
    /// <param name="cancellationToken">Cancels the listing, including a page request under way.</param>
    /// <returns>The pages, fetched lazily.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; thrown by this call, before any request.</exception>
    /// <exception cref="CustomerAddressesApiException">A page request failed, or the server broke its own paging rules (<see cref="UnexpectedResponseException"/>).</exception>
    IAsyncEnumerable<Page<Address>> ListPagesAsync(CustomerId customerId, ListAddressesOptions? options = null, CancellationToken cancellationToken = default);
}
