namespace CustomerAddresses.Client;

/// <summary>Organization billing address operations. Get one from <see cref="ICustomerAddressesClient.BillingAddresses"/>.</summary>
public interface IBillingAddressesClient
{
    /// <summary>Adds a billing address to an organization (<c>POST organizations/{id}/billing-addresses</c>). Not retried after it may have reached the server.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="request">The billing address; every member but <c>AddressLine2</c> and <c>IsDefault</c> is required.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The billing address as the server stored it, taken out of the response envelope.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="AuthenticationFailedException">The session is missing or expired (401).</exception>
    /// <exception cref="PermissionDeniedException">The member is not an owner or admin of the organization (403).</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    Task<BillingAddress> AddAsync(OrganizationId organizationId, AddBillingAddressRequest request, CancellationToken cancellationToken = default);
}
