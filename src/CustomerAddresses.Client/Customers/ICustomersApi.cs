using CustomerAddresses.Client.Protocol;
using Refit;

namespace CustomerAddresses.Client.Customers;

/// <summary>Customer endpoints (seed 003). Responses are read by the SDK's response reader, never by Refit.</summary>
internal interface ICustomersApi
{
    [Post("/" + CustomerOperations.Route)]
    Task<HttpResponseMessage> CreateAsync([Body] CreateCustomerRequest request, [Property(OperationInfo.OptionName)] OperationInfo operation, CancellationToken cancellationToken);

    [Post("/" + CustomerOperations.Route)]
    Task<HttpResponseMessage> CreateOnPaddleAsync([Body] PaddleCustomerBody body, [Property(OperationInfo.OptionName)] OperationInfo operation, CancellationToken cancellationToken);
}
