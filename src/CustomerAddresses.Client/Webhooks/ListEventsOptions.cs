namespace CustomerAddresses.Client;

/// <summary>Where to start, which event types, order and page size for <see cref="EventsClient.ListAsync(ListEventsOptions?, CancellationToken)"/>.</summary>
public sealed record ListEventsOptions
{
    /// <summary>
    /// Gets the id of the event to start after (<c>evt_…</c>, the API's <c>after</c>): the last event a program
    /// processed, to catch up from it (with <see cref="Order"/> set to <see cref="SortOrder.Ascending"/>).
    /// </summary>
    public string? After { get; init; }

    /// <summary>Gets how many events to ask for per page, from 1 to 200 (the server default is 50).</summary>
    public int? PerPage { get; init; }

    /// <summary>
    /// Gets the order by id, which is the order events occurred in (<c>order_by=id[ASC]</c> or <c>id[DESC]</c>). Paddle's
    /// default is newest first; to catch up, ask for <see cref="SortOrder.Ascending"/>.
    /// </summary>
    public SortOrder? Order { get; init; }

    /// <summary>Gets the event types to return, such as <see cref="PaddleWebhookEventTypes.AddressUpdated"/>. Sent comma-separated.</summary>
    public IReadOnlyList<string>? EventTypes { get; init; }
}
