using CustomerAddresses.Client.Core.Paging;
using CustomerAddresses.Client.Customers;

namespace CustomerAddresses.Client;

/// <summary>The customer operations of Paddle Billing only: under the /api/v1 dialect each is a <see cref="NotSupportedException"/> before any request.</summary>
public partial class CustomersClient
{
    /// <summary>
    /// Lists a customer's credit balances, one per currency (<c>GET customers/{customer_id}/credit-balances</c>; Paddle
    /// only). The server answers every balance at once, so the listing is one page; a customer without credit has none.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="currencyCodes">Only these currencies (ISO 4217, such as <c>USD</c>), sent comma-separated; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The listing; nothing is sent until it is enumerated.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; thrown by this call, before any request.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect, which has no credit balances.</exception>
    /// <exception cref="ResourceNotFoundException">There is no such customer; thrown during enumeration.</exception>
    /// <exception cref="CustomerAddressesApiException">The request failed; thrown during enumeration.</exception>
    public virtual AsyncPageable<CustomerCreditBalance> ListCreditBalancesAsync(CustomerId customerId, IReadOnlyList<string>? currencyCodes = null, CancellationToken cancellationToken = default) =>
        ListCreditBalancesAsync(customerId, currencyCodes, requestOptions: null, cancellationToken);

    /// <summary>Lists a customer's credit balances with options for the request; see <see cref="ListCreditBalancesAsync(CustomerId, IReadOnlyList{string}?, CancellationToken)"/>.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="currencyCodes">Only these currencies, sent comma-separated; <see langword="null"/> for all.</param>
    /// <param name="requestOptions">Headers, a timeout, a client request id for the request; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The listing; nothing is sent until it is enumerated.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; thrown by this call, before any request.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect, which has no credit balances.</exception>
    /// <exception cref="CustomerAddressesApiException">The request failed; thrown during enumeration.</exception>
    public virtual AsyncPageable<CustomerCreditBalance> ListCreditBalancesAsync(CustomerId customerId, IReadOnlyList<string>? currencyCodes, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        CustomerChecks.Id(customerId);
        string? wire = CustomerChecks.CurrencyCodes(currencyCodes);
        return Channel.List(CustomerOperations.ListCreditBalances, (customerId, wire), PageQuery.First(null, null), requestOptions, cancellationToken);
    }

    /// <summary>
    /// Generates an authentication token for a customer (<c>POST customers/{customer_id}/auth-token</c>; Paddle only), to
    /// pass to Paddle.js so the customer can use saved payment methods at checkout. Each call makes a new token, so it is
    /// not retried after it may have reached the server.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token and when it expires.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">There is no such customer.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<CustomerAuthToken> GenerateAuthTokenAsync(CustomerId customerId, CancellationToken cancellationToken = default) =>
        Channel.InvokeAsync(CustomerOperations.GenerateAuthToken, customerId, cancellationToken);

    /// <summary>Generates an authentication token for a customer with options for this call, and returns what the server said about it.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="requestOptions">Headers, a timeout, a client request id for this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token, with the response's status, request id and headers.</returns>
    /// <exception cref="ArgumentException">An argument or an option is invalid; nothing was sent.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect; nothing was sent.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<ApiResponse<CustomerAuthToken>> GenerateAuthTokenAsync(CustomerId customerId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        Channel.InvokeWithResponseAsync(CustomerOperations.GenerateAuthToken, customerId, requestOptions, cancellationToken);

    /// <summary>
    /// Creates a customer portal session (<c>POST customers/{customer_id}/portal-sessions</c>; Paddle only): links that sign
    /// the customer in to Paddle's customer portal, and for each subscription given, links to cancel it or update its
    /// payment method. Not retried after it may have reached the server.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="subscriptionIds">The subscriptions (<c>sub_…</c>) to make links for; <see langword="null"/> or empty for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session and its links.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect; nothing was sent.</exception>
    /// <exception cref="ResourceNotFoundException">There is no such customer.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<CustomerPortalSession> CreatePortalSessionAsync(CustomerId customerId, IReadOnlyList<string>? subscriptionIds = null, CancellationToken cancellationToken = default) =>
        Channel.InvokeAsync(CustomerOperations.CreatePortalSession, (customerId, subscriptionIds ?? []), cancellationToken);

    /// <summary>Creates a customer portal session with options for this call, and returns what the server said about it.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="subscriptionIds">The subscriptions (<c>sub_…</c>) to make links for; <see langword="null"/> or empty for none.</param>
    /// <param name="requestOptions">Headers, a timeout, a client request id for this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session, with the response's status, request id and headers.</returns>
    /// <exception cref="ArgumentException">An argument or an option is invalid; nothing was sent.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect; nothing was sent.</exception>
    /// <exception cref="CustomerAddressesApiException">The server refused or failed the request.</exception>
    public virtual Task<ApiResponse<CustomerPortalSession>> CreatePortalSessionAsync(CustomerId customerId, IReadOnlyList<string>? subscriptionIds, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        Channel.InvokeWithResponseAsync(CustomerOperations.CreatePortalSession, (customerId, subscriptionIds ?? []), requestOptions, cancellationToken);
}
