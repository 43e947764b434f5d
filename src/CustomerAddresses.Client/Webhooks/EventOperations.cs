using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Core.Paging;
using CustomerAddresses.Client.Protocol;

namespace CustomerAddresses.Client.Webhooks;

/// <summary>The events endpoint of Paddle Billing, declared once; the /api/v1 API has no events.</summary>
internal static class EventOperations
{
    internal const string Route = "events";

    internal static readonly Dialects<ListOperation<IEventsApi, EventListArgs, PaddleWebhookEvent>> List =
        Dialects<ListOperation<IEventsApi, EventListArgs, PaddleWebhookEvent>>.PaddleOnly(new(
            new OperationInfo("events.list", "List events", HttpMethod.Get, Route),
            static () => WebhooksJsonContext.Default.ListBodyPaddleWebhookEvent,
            ItemsMember: ListBody<PaddleWebhookEvent>.DataOnly,
            OwnerMember: null,
            static (api, args, q, call, ct) => api.ListAsync(q.After, q.PerPage, args.OrderBy, args.EventTypes, call, ct),
            static e => e.EventId));
}

/// <summary>The validated filters of an events listing, in wire form.</summary>
internal sealed record EventListArgs(string? OrderBy, string? EventTypes)
{
    internal static (EventListArgs Args, PageQuery First) From(ListEventsOptions? options)
    {
        options ??= new ListEventsOptions();
        string? eventTypes = ListQueryChecks.CommaSeparated(options.EventTypes, static type => type ?? string.Empty, "options.EventTypes");
        if (options.EventTypes?.Any(type => !type.All(c => char.IsAsciiLetterLower(c) || c is '.' or '_')) == true)
        {
            throw new ArgumentException("options.EventTypes must hold event type names such as 'customer.created': lower-case letters, dots and underscores.", "options.EventTypes");
        }

        var args = new EventListArgs(ListQueryChecks.OrderById(options.Order, "options.Order"), eventTypes);
        return (args, PageQuery.First(ListQueryChecks.After(options.After, "options.After"), ListQueryChecks.PerPage(options.PerPage, "options.PerPage")));
    }
}
