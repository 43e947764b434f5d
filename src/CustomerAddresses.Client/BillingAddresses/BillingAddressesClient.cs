using CustomerAddresses.Client.BillingAddresses;
using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client;

/// <summary>
/// Organization billing address operations. Get one from <see cref="CustomerAddressesClient.BillingAddresses"/>. Thread-safe.
/// </summary>
/// <remarks>
/// Every method is virtual, so a test double can override just the ones it needs and new methods never break it.
/// </remarks>
public class BillingAddressesClient
{
    private readonly ResourceChannel<IBillingAddressesApi>? _channel;

    /// <summary>Initializes an instance for a test double; only overridden methods may be called on it.</summary>
    protected BillingAddressesClient()
    {
    }

    internal BillingAddressesClient(OperationInvoker invoker) => _channel = new ResourceChannel<IBillingAddressesApi>(invoker);

    /// <summary>Adds a billing address to an organization (<c>POST organizations/{id}/billing-addresses</c>). Not retried after it may have reached the server.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="request">The billing address; every member but <c>AddressLine2</c> and <c>IsDefault</c> is required.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The billing address as the server stored it, taken out of the response envelope.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="AuthenticationFailedException">The session is missing or expired (401).</exception>
    /// <exception cref="PermissionDeniedException">The member is not an owner or admin of the organization (403).</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<BillingAddress> AddAsync(OrganizationId organizationId, AddBillingAddressRequest request, CancellationToken cancellationToken = default)
    {
        TypedId.ThrowIfDefault(organizationId, nameof(organizationId));
        RequestChecks.Validate(request);
        return Channel.InvokeAsync(BillingAddressOperations.Add, (organizationId, request), cancellationToken);
    }

    private ResourceChannel<IBillingAddressesApi> Channel => ResourceChannel<IBillingAddressesApi>.Of(_channel, nameof(BillingAddressesClient));
}
