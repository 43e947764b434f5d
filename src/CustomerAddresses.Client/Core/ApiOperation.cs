using System.Text.Json.Serialization.Metadata;
using CustomerAddresses.Client.Protocol;

namespace CustomerAddresses.Client.Core;

/// <summary>
/// One endpoint that returns one resource, in one dialect, declared once: what it is (<see cref="OperationInfo"/>), the
/// JSON type of its request body and of its response, how its arguments are checked, how its Refit method is called,
/// and what is filled in after reading.
/// </summary>
/// <typeparam name="TApi">The Refit interface that holds its method.</typeparam>
/// <typeparam name="TArgs">The arguments of a call, as the public method takes them.</typeparam>
/// <typeparam name="TResult">The model it returns.</typeparam>
/// <param name="Info">Name, method, route template and retry safety.</param>
/// <param name="RequestBody">
/// The request body's member of the resource's JSON context, by name (null without a body): naming it makes a body type
/// missing from the context a compile error, without building its metadata before Refit first writes one.
/// </param>
/// <param name="Response">
/// The response model's JSON metadata, resolved on the first call: a client builds the metadata of the operations it
/// calls, not of every operation its first call's resource declares.
/// </param>
/// <param name="Check">Checks the arguments in this dialect; throws <see cref="ArgumentException"/> before any request.</param>
/// <param name="Send">Calls the Refit method, turning the arguments into the dialect's body; the call context is passed on so the request carries it.</param>
/// <param name="Complete">Fills in what the server may leave out, from the arguments.</param>
/// <param name="WhenEmpty">The result of a success without a body, for operations that need none (a delete); otherwise an empty body is unexpected.</param>
internal sealed record ApiOperation<TApi, TArgs, TResult>(
    OperationInfo Info,
    string? RequestBody,
    Func<JsonTypeInfo<TResult>> Response,
    Action<TArgs> Check,
    Func<TApi, TArgs, CallContext, CancellationToken, Task<HttpResponseMessage>> Send,
    Action<TResult, TArgs>? Complete = null,
    Func<TResult>? WhenEmpty = null) : IDeclaredOperation
    where TResult : class;
