using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Core.Paging;
using CustomerAddresses.Client.PaymentMethods;

namespace CustomerAddresses.Client;

/// <summary>
/// A customer's saved payment methods (Paddle Billing only: under the /api/v1 dialect every operation is a
/// <see cref="NotSupportedException"/> before any request): list, get and delete, as a "remove my card" button needs.
/// Only a checkout saves one. Get one from <see cref="P:CustomerAddresses.Client.CustomerAddressesClient.PaymentMethods"/>. Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Each operation has two overloads: one that returns the resource, and one that takes <see cref="RequestOptions"/>
/// (headers, a timeout, a client request id for this call) and returns it in an <see cref="ApiResponse{T}"/> with the
/// status, request id and headers.
/// </para>
/// <para>Every method is virtual, so a test double can override just the ones it needs and new methods never break it.</para>
/// </remarks>
public class PaymentMethodsClient
{
    private readonly ResourceChannel<IPaymentMethodsApi>? _channel;

    /// <summary>Initializes an instance for a test double; only overridden methods may be called on it.</summary>
    protected PaymentMethodsClient()
    {
    }

    internal PaymentMethodsClient(OperationInvoker invoker) => _channel = new ResourceChannel<IPaymentMethodsApi>(invoker, PaymentMethodsJsonContext.Default);

    /// <summary>
    /// Lists a customer's saved payment methods (<c>GET customers/{customer_id}/payment-methods</c>), fetched lazily one
    /// page at a time; <see cref="AsyncPageable{T}.AsPages"/> gives the pages and a continuation token.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="options">Filters, order and page size; <see langword="null"/> for the server defaults.</param>
    /// <param name="cancellationToken">Cancels the listing, including a page request under way.</param>
    /// <returns>The listing; nothing is sent until it is enumerated.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; thrown by this call, before any request.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect, which has no saved payment methods; thrown by this call.</exception>
    /// <exception cref="CustomerAddressesApiException">A page request failed; thrown during enumeration.</exception>
    public virtual AsyncPageable<PaymentMethod> ListAsync(CustomerId customerId, ListPaymentMethodsOptions? options = null, CancellationToken cancellationToken = default) =>
        ListAsync(customerId, options, requestOptions: null, cancellationToken);

    /// <summary>Lists a customer's saved payment methods with options for each page request; see <see cref="ListAsync(CustomerId, ListPaymentMethodsOptions?, CancellationToken)"/>.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="options">Filters, order and page size; <see langword="null"/> for the server defaults.</param>
    /// <param name="requestOptions">Headers, a timeout (per page), a client request id for every page request; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the listing, including a page request under way.</param>
    /// <returns>The listing; nothing is sent until it is enumerated.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; thrown by this call, before any request.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect, which has no saved payment methods; thrown by this call.</exception>
    /// <exception cref="CustomerAddressesApiException">A page request failed; thrown during enumeration.</exception>
    public virtual AsyncPageable<PaymentMethod> ListAsync(CustomerId customerId, ListPaymentMethodsOptions? options, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        (PaymentMethodListArgs args, PageQuery first) = PaymentMethodListArgs.From(customerId, options);
        return Channel.List(PaymentMethodOperations.List, args, first, requestOptions, cancellationToken);
    }

    /// <summary>Gets one of a customer's saved payment methods (<c>GET customers/{customer_id}/payment-methods/{payment_method_id}</c>).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="paymentMethodId">The payment method.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The payment method.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect, which has no saved payment methods; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">There is no such customer or payment method.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<PaymentMethod> GetAsync(CustomerId customerId, PaymentMethodId paymentMethodId, CancellationToken cancellationToken = default) =>
        Channel.InvokeAsync(PaymentMethodOperations.Get, (customerId, paymentMethodId), cancellationToken);

    /// <summary>Gets one of a customer's saved payment methods with options for this call, and returns what the server said about it.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="paymentMethodId">The payment method.</param>
    /// <param name="requestOptions">Headers, a timeout, a client request id for this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The payment method, with the response's status, request id and headers.</returns>
    /// <exception cref="ArgumentException">An argument or an option is invalid; nothing was sent.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect, which has no saved payment methods; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">There is no such customer or payment method.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<ApiResponse<PaymentMethod>> GetAsync(CustomerId customerId, PaymentMethodId paymentMethodId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        Channel.InvokeWithResponseAsync(PaymentMethodOperations.Get, (customerId, paymentMethodId), requestOptions, cancellationToken);

    /// <summary>
    /// Deletes a saved payment method for good (<c>DELETE customers/{customer_id}/payment-methods/{payment_method_id}</c>;
    /// Paddle answers 204). The same request however often it is sent, so it is retried like a read: it deletes once, and
    /// a later call answers what Paddle answers for one that is gone, a <see cref="ResourceNotFoundException"/>.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="paymentMethodId">The payment method.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Paddle has deleted it.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect, which has no saved payment methods; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">There is no such customer or payment method (any more).</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task DeleteAsync(CustomerId customerId, PaymentMethodId paymentMethodId, CancellationToken cancellationToken = default) =>
        Channel.InvokeAsync(PaymentMethodOperations.Delete, (customerId, paymentMethodId), cancellationToken);

    /// <summary>Deletes a saved payment method with options for this call, and returns what the server said about it.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="paymentMethodId">The payment method.</param>
    /// <param name="requestOptions">Headers, a timeout, a client request id for this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response's status, request id and headers.</returns>
    /// <exception cref="ArgumentException">An argument or an option is invalid; nothing was sent.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect, which has no saved payment methods; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">There is no such customer or payment method (any more).</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual async Task<ApiResponse> DeleteAsync(CustomerId customerId, PaymentMethodId paymentMethodId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        await Channel.InvokeWithResponseAsync(PaymentMethodOperations.Delete, (customerId, paymentMethodId), requestOptions, cancellationToken).ConfigureAwait(false);

    private ResourceChannel<IPaymentMethodsApi> Channel => ResourceChannel<IPaymentMethodsApi>.Of(_channel, nameof(PaymentMethodsClient));
}
