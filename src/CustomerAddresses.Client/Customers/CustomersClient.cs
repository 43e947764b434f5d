using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Core.Paging;
using CustomerAddresses.Client.Customers;

namespace CustomerAddresses.Client;

/// <summary>
/// Customer operations. Get one from <see cref="CustomerAddressesClient.Customers"/>. Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Each operation has two overloads: one that returns the resource, and one that takes <see cref="RequestOptions"/>
/// (headers, a timeout, a client request id for this call) and returns it in an <see cref="ApiResponse{T}"/> with the
/// status, request id and headers.
/// </para>
/// <para>Every method is virtual, so a test double can override just the ones it needs and new methods never break it.</para>
/// </remarks>
public partial class CustomersClient
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
    public virtual Task<Customer> CreateAsync(CreateCustomerRequest request, CancellationToken cancellationToken = default) =>
        Channel.InvokeAsync(CustomerOperations.Create, request, cancellationToken);

    /// <summary>
    /// Checks a create request exactly as <see cref="CreateAsync(CreateCustomerRequest, CancellationToken)"/> checks it
    /// before sending, in this client's dialect, and returns what it would refuse instead of throwing; nothing is sent.
    /// </summary>
    /// <param name="request">The customer to check.</param>
    /// <returns>Empty when the request would be sent; otherwise the first problem found (a send refuses it with an <see cref="ArgumentException"/> of the same words).</returns>
    public virtual IReadOnlyList<RequestProblem> Validate(CreateCustomerRequest request) =>
        request is null ? [new RequestProblem("request", "is required.")] : Channel.Problems(CustomerOperations.Create, request);

    /// <summary>Creates a customer (<c>POST customers</c>) with options for this call, and returns what the server said about it.</summary>
    /// <param name="request">The customer to create; see <see cref="CreateAsync(CreateCustomerRequest, CancellationToken)"/>.</param>
    /// <param name="requestOptions">Headers, a timeout, a client request id for this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created customer, with the response's status, request id and headers.</returns>
    /// <exception cref="ArgumentException">The request or the options are invalid; nothing was sent.</exception>
    /// <exception cref="ConflictException">A customer with this email exists.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<ApiResponse<Customer>> CreateAsync(CreateCustomerRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        Channel.InvokeWithResponseAsync(CustomerOperations.Create, request, requestOptions, cancellationToken);

    /// <summary>Gets a customer (<c>GET customers/{customer_id}</c>).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The customer.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">There is no such customer.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<Customer> GetAsync(CustomerId customerId, CancellationToken cancellationToken = default) =>
        Channel.InvokeAsync(CustomerOperations.Get, customerId, cancellationToken);

    /// <summary>Gets a customer (<c>GET customers/{customer_id}</c>) with options for this call, and returns what the server said about it.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="requestOptions">Headers, a timeout, a client request id for this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The customer, with the response's status, request id and headers.</returns>
    /// <exception cref="ArgumentException">An argument or an option is invalid; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">There is no such customer.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<ApiResponse<Customer>> GetAsync(CustomerId customerId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        Channel.InvokeWithResponseAsync(CustomerOperations.Get, customerId, requestOptions, cancellationToken);

    /// <summary>
    /// Lists customers (<c>GET customers</c>), filtered by id, exact email, status or a search. Enumerate the result for the
    /// customers, fetched lazily one page at a time, or call <see cref="AsyncPageable{T}.AsPages"/> for the pages (each with its <see cref="Page{T}.Response"/>).
    /// </summary>
    /// <param name="options">Filters, order and page size; <see langword="null"/> for the server defaults.</param>
    /// <param name="cancellationToken">Cancels the listing, including a page request under way.</param>
    /// <returns>The listing; nothing is sent until it is enumerated.</returns>
    /// <exception cref="ArgumentException">An option is invalid; thrown by this call, before any request.</exception>
    /// <exception cref="CustomerAddressesApiException">A page request failed; thrown during enumeration.</exception>
    public virtual AsyncPageable<Customer> ListAsync(ListCustomersOptions? options = null, CancellationToken cancellationToken = default) =>
        ListAsync(options, requestOptions: null, cancellationToken);

    /// <summary>Lists customers (<c>GET customers</c>) with options for each page request; see <see cref="ListAsync(ListCustomersOptions?, CancellationToken)"/>.</summary>
    /// <param name="options">Filters, order and page size; <see langword="null"/> for the server defaults.</param>
    /// <param name="requestOptions">Headers, a timeout (per page), a client request id for every page request; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the listing, including a page request under way.</param>
    /// <returns>The listing; nothing is sent until it is enumerated.</returns>
    /// <exception cref="ArgumentException">An option is invalid; thrown by this call, before any request.</exception>
    /// <exception cref="CustomerAddressesApiException">A page request failed; thrown during enumeration.</exception>
    public virtual AsyncPageable<Customer> ListAsync(ListCustomersOptions? options, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        (CustomerListArgs args, PageQuery first) = CustomerListArgs.From(options);
        return Channel.List(CustomerOperations.List, args, first, requestOptions, cancellationToken);
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
    public virtual Task<Customer> UpdateAsync(CustomerId customerId, UpdateCustomerRequest request, CancellationToken cancellationToken = default) =>
        Channel.InvokeAsync(CustomerOperations.Update, (customerId, request), cancellationToken);

    /// <summary>Updates a customer (<c>PATCH customers/{customer_id}</c>) with options for this call, and returns what the server said about it.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="request">What to change; see <see cref="UpdateAsync(CustomerId, UpdateCustomerRequest, CancellationToken)"/>.</param>
    /// <param name="requestOptions">Headers, a timeout, a client request id for this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The customer as the server stored it, with the response's status, request id and headers.</returns>
    /// <exception cref="ArgumentException">An argument or an option is invalid; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">There is no such customer.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<ApiResponse<Customer>> UpdateAsync(CustomerId customerId, UpdateCustomerRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        Channel.InvokeWithResponseAsync(CustomerOperations.Update, (customerId, request), requestOptions, cancellationToken);

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

    /// <summary>Archives a customer with options for this call, and returns what the server said about it.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="requestOptions">Headers, a timeout, a client request id for this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The archived customer, with the response's status, request id and headers.</returns>
    /// <exception cref="ArgumentException">An argument or an option is invalid; nothing was sent.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<ApiResponse<Customer>> ArchiveAsync(CustomerId customerId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        UpdateAsync(customerId, new UpdateCustomerRequest { Status = CustomerStatus.Archived }, requestOptions, cancellationToken);

    private ResourceChannel<ICustomersApi> Channel => ResourceChannel<ICustomersApi>.Of(_channel, nameof(CustomersClient));
}
