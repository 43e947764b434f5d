using System.Text.Json.Serialization.Metadata;
using CustomerAddresses.Client.Protocol;

namespace CustomerAddresses.Client.Core;

/// <summary>
/// One endpoint that returns one resource, declared once: what it is (<see cref="OperationInfo"/>), the JSON type of
/// its request body and of its response, how its Refit method is called, and what is filled in after reading.
/// </summary>
/// <typeparam name="TApi">The Refit interface that holds its method.</typeparam>
/// <typeparam name="TArgs">The validated arguments of a call.</typeparam>
/// <typeparam name="TResult">The model it returns.</typeparam>
internal sealed class ApiOperation<TApi, TArgs, TResult>
    where TResult : class
{
    /// <param name="info">Name, method, route template and retry safety.</param>
    /// <param name="requestBody">The request body's JSON metadata (null without a body); naming it here makes a body type missing from the JSON context a compile error.</param>
    /// <param name="response">The response model's JSON metadata.</param>
    /// <param name="send">Calls the Refit method; the operation is passed on so the request carries it.</param>
    /// <param name="complete">Fills in what the server may leave out, from the arguments.</param>
    internal ApiOperation(
        OperationInfo info,
        JsonTypeInfo? requestBody,
        JsonTypeInfo<TResult> response,
        Func<TApi, TArgs, OperationInfo, CancellationToken, Task<HttpResponseMessage>> send,
        Action<TResult, TArgs>? complete = null)
    {
        Info = info;
        RequestBody = requestBody;
        Response = response;
        Send = send;
        Complete = complete;
    }

    internal OperationInfo Info { get; }

    internal JsonTypeInfo? RequestBody { get; }

    internal JsonTypeInfo<TResult> Response { get; }

    internal Func<TApi, TArgs, OperationInfo, CancellationToken, Task<HttpResponseMessage>> Send { get; }

    internal Action<TResult, TArgs>? Complete { get; }
}
