using CustomerAddresses.Client.Core;
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

    internal CustomersClient(OperationInvoker invoker) => _channel = new ResourceChannel<ICustomersApi>(invoker);

    /// <summary>Creates a customer (<c>POST customers</c>). Not retried after it may have reached the server.</summary>
    /// <param name="request">The customer to create; <c>Name</c> and <c>Email</c> are required.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created customer as the server stored it.</returns>
    /// <exception cref="ArgumentException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="ConflictException">A customer with this email exists; <see cref="ConflictException.ExistingCustomerId"/> names it when the server does.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<Customer> CreateAsync(CreateCustomerRequest request, CancellationToken cancellationToken = default)
    {
        RequestChecks.Validate(request);
        return Channel.InvokeAsync(CustomerOperations.Create, request, cancellationToken);
    }

    private ResourceChannel<ICustomersApi> Channel => ResourceChannel<ICustomersApi>.Of(_channel, nameof(CustomersClient));
}
