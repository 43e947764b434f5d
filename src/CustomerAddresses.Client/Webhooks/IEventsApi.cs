using CustomerAddresses.Client.Protocol;
using Refit;

namespace CustomerAddresses.Client.Webhooks;

/// <summary>Paddle's events endpoint. Responses are read by the SDK's response reader, never by Refit.</summary>
internal interface IEventsApi
{
    /// <summary>One page; a null argument is left out of the query string.</summary>
    [Get("/" + EventOperations.Route)]
    Task<HttpResponseMessage> ListAsync(
        [AliasAs("after")] string? after,
        [AliasAs("per_page")] int? perPage,
        [AliasAs("order_by")] string? orderBy,
        [AliasAs("event_type")] string? eventType,
        [Property(CallContext.OptionName)] CallContext call,
        CancellationToken cancellationToken);
}
