using CustomerAddresses.Client.BillingAddresses;
using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Core.Paging;

namespace CustomerAddresses.Client;

/// <summary>
/// Organization billing address operations. Get one from <see cref="CustomerAddressesClient.BillingAddresses"/>. Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Each operation has two overloads: one that returns the resource, and one that takes <see cref="RequestOptions"/>
/// (headers, a timeout, a client request id for this call) and returns it in an <see cref="ApiResponse{T}"/> with the
/// status, request id and headers.
/// </para>
/// <para>Every method is virtual, so a test double can override just the ones it needs and new methods never break it.</para>
/// </remarks>
public class BillingAddressesClient
{
    private readonly ResourceChannel<IBillingAddressesApi>? _channel;

    /// <summary>Initializes an instance for a test double; only overridden methods may be called on it.</summary>
    protected BillingAddressesClient()
    {
    }

    internal BillingAddressesClient(OperationInvoker invoker) => _channel = new ResourceChannel<IBillingAddressesApi>(invoker, BillingAddressesJsonContext.Default);

    /// <summary>Adds a billing address to an organization (<c>POST organizations/{id}/billing-addresses</c>). Not retried after it may have reached the server.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="request">The billing address; every member but <c>AddressLine2</c> and <c>IsDefault</c> is required.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The billing address as the server stored it, taken out of the response envelope.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="AuthenticationFailedException">The session is missing or expired (401).</exception>
    /// <exception cref="PermissionDeniedException">The member may not manage the organization's billing, is not a member, or there is no such organization (403).</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<BillingAddress> AddAsync(OrganizationId organizationId, AddBillingAddressRequest request, CancellationToken cancellationToken = default) =>
        Channel.InvokeAsync(BillingAddressOperations.Add, (organizationId, request), cancellationToken);

    /// <summary>Adds a billing address to an organization with options for this call, and returns what the server said about it.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="request">The billing address; see <see cref="AddAsync(OrganizationId, AddBillingAddressRequest, CancellationToken)"/>.</param>
    /// <param name="requestOptions">Headers, a timeout, a client request id for this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The billing address as the server stored it, with the response's status, request id and headers.</returns>
    /// <exception cref="ArgumentException">An argument or an option is invalid; nothing was sent.</exception>
    /// <exception cref="AuthenticationFailedException">The session is missing or expired (401).</exception>
    /// <exception cref="PermissionDeniedException">The member may not manage the organization's billing (403).</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<ApiResponse<BillingAddress>> AddAsync(OrganizationId organizationId, AddBillingAddressRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        Channel.InvokeWithResponseAsync(BillingAddressOperations.Add, (organizationId, request), requestOptions, cancellationToken);

    /// <summary>
    /// Lists an organization's billing addresses (<c>GET organizations/{id}/billing-addresses</c>). The server answers
    /// the whole list at once, so the listing has one page.
    /// </summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The listing; nothing is sent until it is enumerated.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; thrown by this call, before any request.</exception>
    /// <exception cref="AuthenticationFailedException">The session is missing or expired (401); thrown during enumeration.</exception>
    /// <exception cref="PermissionDeniedException">The session's user is not a member of the organization, or there is no such organization (403).</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual AsyncPageable<BillingAddress> ListAsync(OrganizationId organizationId, CancellationToken cancellationToken = default) =>
        ListAsync(organizationId, requestOptions: null, cancellationToken);

    /// <summary>Lists an organization's billing addresses with options for the request; see <see cref="ListAsync(OrganizationId, CancellationToken)"/>.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="requestOptions">Headers, a timeout, a client request id for the request; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The listing; nothing is sent until it is enumerated.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; thrown by this call, before any request.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request; thrown during enumeration.</exception>
    public virtual AsyncPageable<BillingAddress> ListAsync(OrganizationId organizationId, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        BillingAddressChecks.Organization(organizationId);
        return Channel.List(BillingAddressOperations.List, organizationId, PageQuery.First(null, null), requestOptions, cancellationToken);
    }

    /// <summary>
    /// Replaces a billing address with the given one (<c>PUT organizations/{id}/billing-addresses/{billing_address_id}</c>).
    /// Retried like a read: sending the same whole address twice leaves the same result.
    /// </summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="billingAddressId">The billing address to replace.</param>
    /// <param name="request">The whole new address; every member is required.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The billing address as the server stored it.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="AuthenticationFailedException">The session is missing or expired (401).</exception>
    /// <exception cref="PermissionDeniedException">The member may not manage the organization's billing, is not a member, or there is no such organization (403).</exception>
    /// <exception cref="ResourceNotFoundException">The organization has no such billing address.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<BillingAddress> ReplaceAsync(OrganizationId organizationId, BillingAddressId billingAddressId, ReplaceBillingAddressRequest request, CancellationToken cancellationToken = default) =>
        Channel.InvokeAsync(BillingAddressOperations.Replace, (organizationId, billingAddressId, request), cancellationToken);

    /// <summary>Replaces a billing address with options for this call, and returns what the server said about it.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="billingAddressId">The billing address to replace.</param>
    /// <param name="request">The whole new address; every member is required.</param>
    /// <param name="requestOptions">Headers, a timeout, a client request id for this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The billing address as the server stored it, with the response's status, request id and headers.</returns>
    /// <exception cref="ArgumentException">An argument or an option is invalid; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">The organization has no such billing address.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<ApiResponse<BillingAddress>> ReplaceAsync(
        OrganizationId organizationId,
        BillingAddressId billingAddressId,
        ReplaceBillingAddressRequest request,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken = default) =>
        Channel.InvokeWithResponseAsync(BillingAddressOperations.Replace, (organizationId, billingAddressId, request), requestOptions, cancellationToken);

    /// <summary>
    /// Deletes a billing address (<c>DELETE organizations/{id}/billing-addresses/{billing_address_id}</c>). Retried like a
    /// read; deleting an address that is already gone succeeds, as the server answers it.
    /// </summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="billingAddressId">The billing address to delete.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server has answered with success.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="AuthenticationFailedException">The session is missing or expired (401).</exception>
    /// <exception cref="PermissionDeniedException">The member may not manage the organization's billing, is not a member, or there is no such organization (403).</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task DeleteAsync(OrganizationId organizationId, BillingAddressId billingAddressId, CancellationToken cancellationToken = default) =>
        Channel.InvokeAsync(BillingAddressOperations.Delete, (organizationId, billingAddressId), cancellationToken);

    /// <summary>Deletes a billing address with options for this call, and returns what the server said about it.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="billingAddressId">The billing address to delete.</param>
    /// <param name="requestOptions">Headers, a timeout, a client request id for this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response's status, request id and headers.</returns>
    /// <exception cref="ArgumentException">An argument or an option is invalid; nothing was sent.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual async Task<ApiResponse> DeleteAsync(OrganizationId organizationId, BillingAddressId billingAddressId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        await Channel.InvokeWithResponseAsync(BillingAddressOperations.Delete, (organizationId, billingAddressId), requestOptions, cancellationToken).ConfigureAwait(false);

    private ResourceChannel<IBillingAddressesApi> Channel => ResourceChannel<IBillingAddressesApi>.Of(_channel, nameof(BillingAddressesClient));
}
