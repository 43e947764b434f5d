using System.Diagnostics;
using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Diagnostics;
using CustomerAddresses.Client.Protocol;
using System.Text.Json.Serialization;
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
    internal async Task<TResult> InvokeAsync<TApi, TArgs, TResult>(ApiOperation<TApi, TArgs, TResult> operation, TApi api, TArgs args, CancellationToken cancellationToken)
        where TResult : class
    {
        using Activity? activity = ClientTelemetry.StartOperation(operation.Info.Name);
        long started = Stopwatch.GetTimestamp();
        string? errorType = null;
        try
        {
            using HttpResponseMessage response = await operation.Send(api, args, operation.Info, cancellationToken).ConfigureAwait(false);
            TResult result = await Reader.ReadResourceAsync(response, operation.Response, operation.Info, operation.WhenEmpty, cancellationToken).ConfigureAwait(false);
            operation.Complete?.Invoke(result, args);
            return result;
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

    /// <summary>Follows a link the server gave (a list's <c>next</c>) as a request of <paramref name="operation"/>.</summary>
    internal Task<HttpResponseMessage> SendLinkAsync(OperationInfo operation, Uri link, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(operation.Method, link);
        request.Options.Set(OperationInfo.OptionKey, operation);
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
