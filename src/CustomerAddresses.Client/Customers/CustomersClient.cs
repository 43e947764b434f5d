using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Core.Paging;
using CustomerAddresses.Client.Customers;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client;

/// <summary>
/// Customer operations. Get one from <see cref="CustomerAddressesClient.Customers"/>. Thread-safe.
/// </summary>
/// <remarks>
/// Every method is virtual, so a test double can override just the ones it needs and new methods never break it.
/// </remarks>
public class CustomersClient
{
    private readonly ResourceChannel<ICustomersApi>? _channel;

    /// <summary>Initializes an instance for a test double; only overridden methods may be called on it.</summary>
    protected CustomersClient()
    {
    }

    internal CustomersClient(OperationInvoker invoker) => _channel = new ResourceChannel<ICustomersApi>(invoker, CustomersJsonContext.Default);

    /// <summary>Creates a customer (<c>POST customers</c>). Not retried after it may have reached the server.</summary>
    /// <param name="request">
    /// The customer to create: <c>Email</c> is required; the /api/v1 API also requires <c>Name</c>. A member the
    /// client's <see cref="ApiDialect"/> does not define (<c>Locale</c> on /api/v1; <c>Phone</c>, <c>Address</c>,
    /// <c>PaymentMethod</c>, <c>Status</c> on Paddle) is an <see cref="ArgumentException"/>.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created customer as the server stored it.</returns>
    /// <exception cref="ArgumentException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="ConflictException">A customer with this email exists; <see cref="ConflictException.ExistingCustomerId"/> names it when the server does.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<Customer> CreateAsync(CreateCustomerRequest request, CancellationToken cancellationToken = default)
    {
        ResourceChannel<ICustomersApi> channel = Channel;
        CustomerChecks.Validate(request, channel.Dialect);
        return channel.Dialect == ApiDialect.PaddleBilling
            ? channel.InvokeAsync(CustomerOperations.CreateOnPaddle, PaddleCustomerBody.From(request), cancellationToken)
            : channel.InvokeAsync(CustomerOperations.Create, request, cancellationToken);
    }

    /// <summary>Gets a customer (<c>GET customers/{customer_id}</c>).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The customer.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">There is no such customer.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<Customer> GetAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        TypedId.ThrowIfDefault(customerId, nameof(customerId));
        return Channel.InvokeAsync(CustomerOperations.Get, customerId, cancellationToken);
    }

    /// <summary>
    /// Lists customers (<c>GET customers</c>), filtered by id, exact email, status or a search. Enumerate the result for the
    /// customers, fetched lazily one page at a time, or call <see cref="AsyncPageable{T}.AsPages"/> for the pages.
    /// </summary>
    /// <param name="options">Filters, order and page size; <see langword="null"/> for the server defaults.</param>
    /// <param name="cancellationToken">Cancels the listing, including a page request under way.</param>
    /// <returns>The listing; nothing is sent until it is enumerated.</returns>
    /// <exception cref="ArgumentException">An option is invalid; thrown by this call, before any request.</exception>
    /// <exception cref="CustomerAddressesApiException">A page request failed; thrown during enumeration.</exception>
    public virtual AsyncPageable<Customer> ListAsync(ListCustomersOptions? options = null, CancellationToken cancellationToken = default)
    {
        (CustomerListArgs args, PageQuery first) = CustomerListArgs.From(options);
        return Channel.List(CustomerOperations.List, args, first, cancellationToken);
    }

    /// <summary>
    /// Updates a customer (<c>PATCH customers/{customer_id}</c>): only the members the request sets are sent, and a
    /// <see cref="Patch{T}"/> member set to <see langword="null"/> is cleared. Not retried after it may have reached the server.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="request">What to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The customer as the server stored it.</returns>
    /// <exception cref="ArgumentException">An argument is invalid, or sets a member the client's dialect does not define; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">There is no such customer.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<Customer> UpdateAsync(CustomerId customerId, UpdateCustomerRequest request, CancellationToken cancellationToken = default)
    {
        TypedId.ThrowIfDefault(customerId, nameof(customerId));
        ResourceChannel<ICustomersApi> channel = Channel;
        CustomerChecks.Validate(request, channel.Dialect);
        return channel.InvokeAsync(CustomerOperations.Update, (customerId, request), cancellationToken);
    }

    /// <summary>
    /// Archives a customer: <c>PATCH customers/{customer_id}</c> with <c>{"status":"archived"}</c> (the API has no delete).
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The archived customer.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<Customer> ArchiveAsync(CustomerId customerId, CancellationToken cancellationToken = default) =>
        UpdateAsync(customerId, new UpdateCustomerRequest { Status = CustomerStatus.Archived }, cancellationToken);

    private ResourceChannel<ICustomersApi> Channel => ResourceChannel<ICustomersApi>.Of(_channel, nameof(CustomersClient));
}
