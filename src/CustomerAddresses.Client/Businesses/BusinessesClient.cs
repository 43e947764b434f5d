using CustomerAddresses.Client.Businesses;
using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Core.Paging;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client;

/// <summary>
/// A customer's businesses (Paddle Billing only: under the /api/v1 dialect every operation is a
/// <see cref="NotSupportedException"/> before any request). Get one from <see cref="CustomerAddressesClient.Businesses"/>. Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Each operation has two overloads: one that returns the resource, and one that takes <see cref="RequestOptions"/>
/// (headers, a timeout, a client request id for this call) and returns it in an <see cref="ApiResponse{T}"/> with the
/// status, request id and headers.
/// </para>
/// <para>Every method is virtual, so a test double can override just the ones it needs and new methods never break it.</para>
/// </remarks>
public class BusinessesClient
{
    private readonly ResourceChannel<IBusinessesApi>? _channel;

    /// <summary>Initializes an instance for a test double; only overridden methods may be called on it.</summary>
    protected BusinessesClient()
    {
    }

    internal BusinessesClient(OperationInvoker invoker) => _channel = new ResourceChannel<IBusinessesApi>(invoker, BusinessesJsonContext.Default);

    /// <summary>Creates a business for a customer (<c>POST customers/{customer_id}/businesses</c>). Not retried after it may have reached the server.</summary>
    /// <param name="customerId">The customer the business belongs to.</param>
    /// <param name="request">The business: <c>Name</c> is required; at most 100 contacts, each with an email business.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created business; its <see cref="Business.CustomerId"/> is filled in when the server leaves it out.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect, which has no businesses; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">The customer does not exist.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<Business> CreateAsync(CustomerId customerId, CreateBusinessRequest request, CancellationToken cancellationToken = default) =>
        Channel.InvokeAsync(BusinessOperations.Create, (customerId, request), cancellationToken);

    /// <summary>
    /// Checks a create request exactly as <see cref="CreateAsync(CustomerId, CreateBusinessRequest, CancellationToken)"/>
    /// checks it before sending, in this client's dialect, and returns what it would refuse instead of throwing; nothing
    /// is sent.
    /// </summary>
    /// <param name="request">The business to check.</param>
    /// <returns>Empty when the request would be sent; otherwise the first problem found (a send refuses it with an <see cref="ArgumentException"/> of the same words).</returns>
    public virtual IReadOnlyList<RequestProblem> Validate(CreateBusinessRequest request) =>
        request is null ? [new RequestProblem("request", "is required.")] : Channel.Problems(BusinessOperations.Create, (s_anyCustomer, request));

    /// <summary>Creates a business for a customer with options for this call, and returns what the server said about it.</summary>
    /// <param name="customerId">The customer the business belongs to.</param>
    /// <param name="request">The business; see <see cref="CreateAsync(CustomerId, CreateBusinessRequest, CancellationToken)"/>.</param>
    /// <param name="requestOptions">Headers, a timeout, a client request id for this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created business, with the response's status, request id and headers.</returns>
    /// <exception cref="ArgumentException">An argument or an option is invalid; nothing was sent.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect, which has no businesses; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">The customer does not exist.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<ApiResponse<Business>> CreateAsync(CustomerId customerId, CreateBusinessRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        Channel.InvokeWithResponseAsync(BusinessOperations.Create, (customerId, request), requestOptions, cancellationToken);

    /// <summary>
    /// Lists a customer's businesses (<c>GET customers/{customer_id}/businesses</c>). Enumerate the result for the
    /// businesses, fetched lazily one page at a time, or call <see cref="AsyncPageable{T}.AsPages"/> for the pages (each
    /// with its <see cref="Page{T}.Response"/>) and a continuation token to resume from.
    /// </summary>
    /// <param name="customerId">The customer whose businesses to list.</param>
    /// <param name="options">Filters, order and page size; <see langword="null"/> for the server defaults.</param>
    /// <param name="cancellationToken">Cancels the listing, including a page request under way.</param>
    /// <returns>The listing; nothing is sent until it is enumerated.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; thrown by this call, before any request.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect, which has no businesses; thrown by this call.</exception>
    /// <exception cref="CustomerAddressesApiException">A page request failed, or the server broke its own paging rules (<see cref="UnexpectedResponseException"/>); thrown during enumeration.</exception>
    public virtual AsyncPageable<Business> ListAsync(CustomerId customerId, ListBusinessesOptions? options = null, CancellationToken cancellationToken = default) =>
        ListAsync(customerId, options, requestOptions: null, cancellationToken);

    /// <summary>Lists a customer's businesses with options for each page request; see <see cref="ListAsync(CustomerId, ListBusinessesOptions?, CancellationToken)"/>.</summary>
    /// <param name="customerId">The customer whose businesses to list.</param>
    /// <param name="options">Filters, order and page size; <see langword="null"/> for the server defaults.</param>
    /// <param name="requestOptions">Headers, a timeout (per page), a client request id for every page request; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the listing, including a page request under way.</param>
    /// <returns>The listing; nothing is sent until it is enumerated.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; thrown by this call, before any request.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect, which has no businesses; thrown by this call.</exception>
    /// <exception cref="CustomerAddressesApiException">A page request failed; thrown during enumeration.</exception>
    public virtual AsyncPageable<Business> ListAsync(CustomerId customerId, ListBusinessesOptions? options, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        TypedId.ThrowIfDefault(customerId, nameof(customerId));
        (OwnedListArgs args, PageQuery first) = BusinessListArgs.From(customerId, options);
        return Channel.List(BusinessOperations.List, args, first, requestOptions, cancellationToken);
    }

    /// <summary>Gets one of a customer's businesses (<c>GET customers/{customer_id}/businesses/{business_id}</c>).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="businessId">The business.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The business.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect, which has no businesses; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">There is no such customer or business.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<Business> GetAsync(CustomerId customerId, BusinessId businessId, CancellationToken cancellationToken = default) =>
        Channel.InvokeAsync(BusinessOperations.Get, (customerId, businessId), cancellationToken);

    /// <summary>Gets one of a customer's businesses with options for this call, and returns what the server said about it.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="businessId">The business.</param>
    /// <param name="requestOptions">Headers, a timeout, a client request id for this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The business, with the response's status, request id and headers.</returns>
    /// <exception cref="ArgumentException">An argument or an option is invalid; nothing was sent.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect, which has no businesses; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">There is no such customer or business.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<ApiResponse<Business>> GetAsync(CustomerId customerId, BusinessId businessId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        Channel.InvokeWithResponseAsync(BusinessOperations.Get, (customerId, businessId), requestOptions, cancellationToken);

    /// <summary>
    /// Updates a business (<c>PATCH customers/{customer_id}/businesses/{business_id}</c>): only the members the request sets
    /// are sent, and a <see cref="Patch{T}"/> member set to <see langword="null"/> is cleared. Not retried after it may
    /// have reached the server.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="businessId">The business.</param>
    /// <param name="request">What to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The business as the server stored it.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect, which has no businesses; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">There is no such customer or business.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<Business> UpdateAsync(CustomerId customerId, BusinessId businessId, UpdateBusinessRequest request, CancellationToken cancellationToken = default) =>
        Channel.InvokeAsync(BusinessOperations.Update, (customerId, businessId, request), cancellationToken);

    /// <summary>Updates a business with options for this call, and returns what the server said about it.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="businessId">The business.</param>
    /// <param name="request">What to change; see <see cref="UpdateAsync(CustomerId, BusinessId, UpdateBusinessRequest, CancellationToken)"/>.</param>
    /// <param name="requestOptions">Headers, a timeout, a client request id for this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The business as the server stored it, with the response's status, request id and headers.</returns>
    /// <exception cref="ArgumentException">An argument or an option is invalid; nothing was sent.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect, which has no businesses; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">There is no such customer or business.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<ApiResponse<Business>> UpdateAsync(CustomerId customerId, BusinessId businessId, UpdateBusinessRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        Channel.InvokeWithResponseAsync(BusinessOperations.Update, (customerId, businessId, request), requestOptions, cancellationToken);

    /// <summary>
    /// Archives a business: <c>PATCH customers/{customer_id}/businesses/{business_id}</c> with <c>{"status":"archived"}</c>
    /// (Paddle has no delete); <see cref="ReactivateAsync(CustomerId, BusinessId, CancellationToken)"/> undoes it.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="businessId">The business.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The archived business.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect, which has no businesses; nothing was sent.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<Business> ArchiveAsync(CustomerId customerId, BusinessId businessId, CancellationToken cancellationToken = default) =>
        UpdateAsync(customerId, businessId, new UpdateBusinessRequest { Status = BusinessStatus.Archived }, cancellationToken);

    /// <summary>Archives a business with options for this call, and returns what the server said about it.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="businessId">The business.</param>
    /// <param name="requestOptions">Headers, a timeout, a client request id for this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The archived business, with the response's status, request id and headers.</returns>
    /// <exception cref="ArgumentException">An argument or an option is invalid; nothing was sent.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect, which has no businesses; nothing was sent.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<ApiResponse<Business>> ArchiveAsync(CustomerId customerId, BusinessId businessId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        UpdateAsync(customerId, businessId, new UpdateBusinessRequest { Status = BusinessStatus.Archived }, requestOptions, cancellationToken);

    /// <summary>Reactivates an archived business: <c>PATCH customers/{customer_id}/businesses/{business_id}</c> with <c>{"status":"active"}</c>.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="businessId">The business.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The active business.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect, which has no businesses; nothing was sent.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<Business> ReactivateAsync(CustomerId customerId, BusinessId businessId, CancellationToken cancellationToken = default) =>
        UpdateAsync(customerId, businessId, new UpdateBusinessRequest { Status = BusinessStatus.Active }, cancellationToken);

    /// <summary>Reactivates an archived business with options for this call, and returns what the server said about it.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="businessId">The business.</param>
    /// <param name="requestOptions">Headers, a timeout, a client request id for this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The active business, with the response's status, request id and headers.</returns>
    /// <exception cref="ArgumentException">An argument or an option is invalid; nothing was sent.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect, which has no businesses; nothing was sent.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<ApiResponse<Business>> ReactivateAsync(CustomerId customerId, BusinessId businessId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        UpdateAsync(customerId, businessId, new UpdateBusinessRequest { Status = BusinessStatus.Active }, requestOptions, cancellationToken);

    /// <summary>A well-formed customer id for <see cref="Validate"/>: the check reads the request, and only the id's shape.</summary>
    private static readonly CustomerId s_anyCustomer = CustomerId.Parse("ctm_0");

    private ResourceChannel<IBusinessesApi> Channel => ResourceChannel<IBusinessesApi>.Of(_channel, nameof(BusinessesClient));
}
