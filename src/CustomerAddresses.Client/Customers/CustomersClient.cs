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
        RequestChecks.Validate(request, channel.Dialect);
        return channel.Dialect == ApiDialect.PaddleBilling
            ? channel.InvokeAsync(CustomerOperations.CreateOnPaddle, PaddleCustomerBody.From(request), cancellationToken)
            : channel.InvokeAsync(CustomerOperations.Create, request, cancellationToken);
    }

    private ResourceChannel<ICustomersApi> Channel => ResourceChannel<ICustomersApi>.Of(_channel, nameof(CustomersClient));
}
