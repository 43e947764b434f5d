using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Core.Paging;
using CustomerAddresses.Client.Webhooks;

namespace CustomerAddresses.Client;

/// <summary>
/// Paddle's events: every event that happened, the ones webhooks deliver, kept for listing. Get one from
/// <see cref="CustomerAddressesClient.Events"/>. Thread-safe. Paddle Billing only: under the /api/v1 dialect each call is
/// a <see cref="NotSupportedException"/> before any request.
/// </summary>
/// <remarks>
/// Each event is read as the webhook verifier reads a webhook: a <see cref="CustomerWebhookEvent"/>, an
/// <see cref="AddressWebhookEvent"/>, a <see cref="BusinessWebhookEvent"/>, a <see cref="PaymentMethodWebhookEvent"/>, or
/// an <see cref="UnknownWebhookEvent"/> for any other type, so one handler serves both. A program that was down catches up by listing from the last event id it processed, in ascending order.
/// </remarks>
public class EventsClient
{
    private readonly ResourceChannel<IEventsApi>? _channel;

    /// <summary>Initializes an instance for a test double; only overridden methods may be called on it.</summary>
    protected EventsClient()
    {
    }

    internal EventsClient(OperationInvoker invoker) => _channel = new ResourceChannel<IEventsApi>(invoker, WebhooksJsonContext.Default);

    /// <summary>
    /// Lists events (<c>GET events</c>), newest first unless <see cref="ListEventsOptions.Order"/> says otherwise. Enumerate
    /// the result for the events, fetched lazily one page at a time, or call <see cref="AsyncPageable{T}.AsPages"/> for the pages.
    /// </summary>
    /// <param name="options">Where to start, event types, order and page size; <see langword="null"/> for the server defaults.</param>
    /// <param name="cancellationToken">Cancels the listing, including a page request under way.</param>
    /// <returns>The listing; nothing is sent until it is enumerated.</returns>
    /// <exception cref="ArgumentException">An option is invalid; thrown by this call, before any request.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect, which has no events; thrown by this call.</exception>
    /// <exception cref="CustomerAddressesApiException">A page request failed; thrown during enumeration.</exception>
    public virtual AsyncPageable<PaddleWebhookEvent> ListAsync(ListEventsOptions? options = null, CancellationToken cancellationToken = default) =>
        ListAsync(options, requestOptions: null, cancellationToken);

    /// <summary>Lists events (<c>GET events</c>) with options for each page request; see <see cref="ListAsync(ListEventsOptions?, CancellationToken)"/>.</summary>
    /// <param name="options">Where to start, event types, order and page size; <see langword="null"/> for the server defaults.</param>
    /// <param name="requestOptions">Headers, a timeout (per page), a client request id for every page request; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the listing, including a page request under way.</param>
    /// <returns>The listing; nothing is sent until it is enumerated.</returns>
    /// <exception cref="ArgumentException">An option is invalid; thrown by this call, before any request.</exception>
    /// <exception cref="NotSupportedException">The client speaks the /api/v1 dialect, which has no events; thrown by this call.</exception>
    /// <exception cref="CustomerAddressesApiException">A page request failed; thrown during enumeration.</exception>
    public virtual AsyncPageable<PaddleWebhookEvent> ListAsync(ListEventsOptions? options, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        (EventListArgs args, PageQuery first) = EventListArgs.From(options);
        return Channel.List(EventOperations.List, args, first, requestOptions, cancellationToken);
    }

    private ResourceChannel<IEventsApi> Channel => ResourceChannel<IEventsApi>.Of(_channel, nameof(EventsClient));
}
