using System.Text.Json.Serialization;
using Refit;
using CustomerAddresses.Client.Core.Paging;

namespace CustomerAddresses.Client.Core;

/// <summary>What a resource client sends through: the invoker and the resource's Refit client, paired once.</summary>
/// <typeparam name="TApi">The resource's Refit interface.</typeparam>
internal sealed class ResourceChannel<TApi>(OperationInvoker invoker, JsonSerializerContext json)
{
    // One Refit settings object per resource (TApi), built from the resource's JSON context on first use.
    private static RefitSettings? s_refitSettings;

    private readonly TApi _api = invoker.Api<TApi>(s_refitSettings ??= OperationInvoker.CreateRefitSettings(json));

    /// <summary>The wire format the client speaks.</summary>
    internal ApiDialect Dialect => invoker.Settings.Dialect;

    /// <summary>The channel of a client built for a test double: any call fails, naming the method to override.</summary>
    internal static ResourceChannel<TApi> Of(ResourceChannel<TApi>? channel, string client) =>
        channel ?? throw MockOnly.NotOverridden(client);

    internal Task<TResult> InvokeAsync<TArgs, TResult>(ApiOperation<TApi, TArgs, TResult> operation, TArgs args, CancellationToken cancellationToken)
        where TResult : class =>
        invoker.InvokeAsync(operation, _api, args, cancellationToken);

    internal AsyncPageable<TItem> List<TArgs, TItem>(ListOperation<TApi, TArgs, TItem> operation, TArgs args, PageQuery first, CancellationToken cancellationToken)
        where TItem : class =>
        new OperationPageable<TApi, TArgs, TItem>(invoker, operation, _api, args, first, cancellationToken);
}
