using System.Diagnostics;
using System.Text.Json.Serialization;
using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Diagnostics;
using CustomerAddresses.Client.Protocol;
using Microsoft.Extensions.Logging;
using Refit;

namespace CustomerAddresses.Client.Core;

/// <summary>
/// The one send path. Every call, whether a single resource or a page of a list, and whether Refit builds the request or
/// a <c>next</c> link is followed, goes out through the same HttpClient (so the same handlers add headers, credentials,
/// retries and logs) and comes back through the same <see cref="ResponseReader"/>, inside the operation's activity.
/// </summary>
internal sealed class OperationInvoker
{
    private readonly HttpClient _httpClient;

    internal OperationInvoker(HttpClient httpClient, ClientSettings settings, ILogger logger)
    {
        _httpClient = httpClient;
        Settings = settings;
        Reader = new ResponseReader(settings.Redactor, settings.TimeProvider, logger);
    }

    internal ClientSettings Settings { get; }

    internal ResponseReader Reader { get; }

    /// <summary>The source-generated Refit client of one resource, over this invoker's HttpClient.</summary>
    internal TApi Api<TApi>(RefitSettings settings) => RestService.ForGenerated<TApi>(_httpClient, settings);

    /// <summary>Sends one operation and reads its resource.</summary>
    internal Task<TResult> InvokeAsync<TApi, TArgs, TResult>(ApiOperation<TApi, TArgs, TResult> operation, TApi api, TArgs args, CallContext call, CancellationToken cancellationToken)
        where TResult : class =>
        InvokeAsync(operation, api, args, call, static (_, value, _, _) => value, cancellationToken);

    /// <summary>Sends one operation and reads its resource, with what the server said about the call.</summary>
    internal Task<ApiResponse<TResult>> InvokeWithResponseAsync<TApi, TArgs, TResult>(ApiOperation<TApi, TArgs, TResult> operation, TApi api, TArgs args, CallContext call, CancellationToken cancellationToken)
        where TResult : class =>
        InvokeAsync(operation, api, args, call, static (invoker, value, response, requestId) => new ApiResponse<TResult>(
            value, response.StatusCode, invoker.RequestIdOf(response, requestId), ClientRequestIdOf(response), response.Headers, response.Content?.Headers), cancellationToken);

    private async Task<TOut> InvokeAsync<TApi, TArgs, TResult, TOut>(
        ApiOperation<TApi, TArgs, TResult> operation,
        TApi api,
        TArgs args,
        CallContext call,
        Func<OperationInvoker, TResult, HttpResponseMessage, string?, TOut> result,
        CancellationToken cancellationToken)
        where TResult : class
    {
        using Activity? activity = ClientTelemetry.StartOperation(operation.Info.Name);
        long started = Stopwatch.GetTimestamp();
        string? errorType = null;
        try
        {
            using HttpResponseMessage response = await operation.Send(api, args, call, cancellationToken).ConfigureAwait(false);
            (TResult value, string? requestId) = await Reader.ReadResourceAsync(response, operation.Response(), operation.Info, operation.WhenEmpty, cancellationToken).ConfigureAwait(false);
            operation.Complete?.Invoke(value, args);
            return result(this, value, response, requestId);
        }
        catch (Exception e)
        {
            errorType = ClientTelemetry.Failed(activity, e);
            throw;
        }
        finally
        {
            ClientTelemetry.Record(operation.Info.Name, started, errorType);
        }
    }

    /// <summary>The server's request id of a response, from its body or its headers, with the client's secrets masked.</summary>
    internal string? RequestIdOf(HttpResponseMessage response, string? fromBody) =>
        SessionHeaders.RedactorFor(Settings.Redactor, response).Redact(fromBody ?? ResponseHeaders.RequestId(response));

    /// <summary>The <c>X-Client-Request-Id</c> the response's request carried.</summary>
    internal static string? ClientRequestIdOf(HttpResponseMessage response) =>
        response.RequestMessage is { } request ? Transport.ClientRequestHandler.IdOf(request) : null;

    /// <summary>Follows a link the server gave (a list's <c>next</c>) as a request of <paramref name="call"/>.</summary>
    internal Task<HttpResponseMessage> SendLinkAsync(CallContext call, Uri link, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(call.Operation.Method, link);
        request.Options.Set(CallContext.OptionKey, call);
        return _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>
    /// A resource's Refit settings: its source-generated JSON context, bodies buffered so they carry a Content-Length
    /// and can be sent again intact, and no Refit exception ever: statuses are read by <see cref="ResponseReader"/>, and
    /// transport failures pass through unchanged.
    /// </summary>
    internal static RefitSettings CreateRefitSettings(JsonSerializerContext json)
    {
        RefitSettings settings = RefitSettings.ForJsonContext(json);
        // Serialized once, synchronously, into a byte array content: a Content-Length, a body a retry sends again as
        // it is, and no second copy (Buffered would serialize through JsonContent and then copy into a buffer).
        settings.RequestBodySerialization = RequestBodySerializationMode.Buffered;
        settings.ExceptionFactory = static _ => new ValueTask<Exception?>((Exception?)null);
        settings.TransportExceptionFactory = static (_, exception, _) => exception;
        return settings;
    }
}
