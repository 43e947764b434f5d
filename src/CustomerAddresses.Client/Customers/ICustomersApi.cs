using Refit;

namespace CustomerAddresses.Client.Customers;

/// <summary>Customer endpoints (seed 003). Responses are read by <see cref="Http.ResponseReader"/>, never by Refit.</summary>
[Headers("Accept: application/json")]
internal interface ICustomersApi
{
    [Post("/customers")]
    Task<HttpResponseMessage> CreateAsync([Body] CreateCustomerRequest request, CancellationToken cancellationToken);
}
