using System.Text.Json.Serialization;
using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Core.Paging;
using CustomerAddresses.Client.Protocol;
using Refit;

namespace CustomerAddresses.Client.Core;

/// <summary>
/// What a resource client sends through: the invoker and the resource's Refit client, paired once. Every call picks the
/// operation's variant for the client's dialect (<see cref="Dialects{TOperation}"/>), checks the arguments, and only
/// then sends.
/// </summary>
/// <typeparam name="TApi">The resource's Refit interface.</typeparam>
internal sealed class ResourceChannel<TApi>(OperationInvoker invoker, JsonSerializerContext json)
{
    // One Refit settings object per resource (TApi), built from the resource's JSON context on first use.
    private static RefitSettings? s_refitSettings;

    private readonly TApi _api = invoker.Api<TApi>(s_refitSettings ??= OperationInvoker.CreateRefitSettings(json));

    /// <summary>The wire format the client speaks.</summary>
    internal WireDialect Dialect => invoker.Settings.Dialect;

    /// <summary>The channel of a client built for a test double: any call fails, naming the method to override.</summary>
    internal static ResourceChannel<TApi> Of(ResourceChannel<TApi>? channel, string client) =>
        channel ?? throw MockOnly.NotOverridden(client);

    internal Task<TResult> InvokeAsync<TArgs, TResult>(Dialects<ApiOperation<TApi, TArgs, TResult>> operation, TArgs args, CancellationToken cancellationToken)
        where TResult : class
    {
        ApiOperation<TApi, TArgs, TResult> variant = Checked(operation, args);
        return invoker.InvokeAsync(variant, _api, args, CallContext.Of(variant.Info), cancellationToken);
    }

    internal Task<ApiResponse<TResult>> InvokeWithResponseAsync<TArgs, TResult>(
        Dialects<ApiOperation<TApi, TArgs, TResult>> operation,
        TArgs args,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken)
        where TResult : class
    {
        ApiOperation<TApi, TArgs, TResult> variant = Checked(operation, args);
        return invoker.InvokeWithResponseAsync(variant, _api, args, CallContext.Of(variant.Info, requestOptions), cancellationToken);
    }

    /// <summary>A listing; the arguments were checked when they were made (<see cref="PageQuery"/> and the filters).</summary>
    internal AsyncPageable<TItem> List<TArgs, TItem>(
        Dialects<ListOperation<TApi, TArgs, TItem>> operation,
        TArgs args,
        PageQuery first,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken)
        where TItem : class
    {
        ListOperation<TApi, TArgs, TItem> variant = operation.For(Dialect);
        return new OperationPageable<TApi, TArgs, TItem>(invoker, variant, _api, args, first, CallContext.Of(variant.Info, requestOptions), cancellationToken);
    }

    /// <summary>What <see cref="Checked"/> would refuse in these arguments, as data; nothing is sent.</summary>
    internal IReadOnlyList<RequestProblem> Problems<TArgs, TResult>(Dialects<ApiOperation<TApi, TArgs, TResult>> operation, TArgs args)
        where TResult : class
    {
        try
        {
            operation.For(Dialect).Check(args);
            return [];
        }
        catch (ArgumentException e)
        {
            return [RequestProblem.From(e)];
        }
    }

    private ApiOperation<TApi, TArgs, TResult> Checked<TArgs, TResult>(Dialects<ApiOperation<TApi, TArgs, TResult>> operation, TArgs args)
        where TResult : class
    {
        ApiOperation<TApi, TArgs, TResult> variant = operation.For(Dialect);
        variant.Check(args);
        return variant;
    }
}
