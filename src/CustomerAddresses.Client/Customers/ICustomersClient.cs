namespace CustomerAddresses.Client;

/// <summary>Customer operations. Get one from <see cref="ICustomerAddressesClient.Customers"/>.</summary>
public interface ICustomersClient
{
    /// <summary>Creates a customer (<c>POST customers</c>). Not retried after it may have reached the server.</summary>
    /// <param name="request">The customer to create; <c>Name</c> and <c>Email</c> are required.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created customer as the server stored it.</returns>
    /// <exception cref="ArgumentException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="ConflictException">A customer with this email exists; <see cref="ConflictException.ExistingCustomerId"/> names it when the server does.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    Task<Customer> CreateAsync(CreateCustomerRequest request, CancellationToken cancellationToken = default);
}
