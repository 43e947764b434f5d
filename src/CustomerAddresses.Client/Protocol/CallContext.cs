namespace CustomerAddresses.Client.Protocol;

/// <summary>
/// What a request carries of its call: the operation it belongs to and the caller's <see cref="RequestOptions"/>, if
/// any. Attached to every request the call sends (Refit's <c>[Property]</c>, or the link the pager follows), so the
/// handlers log, time and retry by the declaration rather than by parsing the URL.
/// </summary>
internal sealed class CallContext
{
    /// <summary>The key under which a request carries its call.</summary>
    internal const string OptionName = "CustomerAddresses.Client.Call";

    internal static readonly HttpRequestOptionsKey<CallContext> OptionKey = new(OptionName);

    private CallContext(OperationInfo operation, RequestOptions? options, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        Operation = operation;
        Options = options;
        Headers = headers;
    }

    internal OperationInfo Operation { get; }

    /// <summary>The caller's options; null for the plain overloads.</summary>
    internal RequestOptions? Options { get; }

    /// <summary>The caller's headers, copied when the call started: a later change to the options does not reach it.</summary>
    internal IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>This call's total timeout, or null for the client's.</summary>
    internal TimeSpan? Timeout => Options?.Timeout;

    /// <summary>The context of a call without options: one per operation, shared.</summary>
    internal static CallContext Of(OperationInfo operation) => operation.PlainCall ??= new CallContext(operation, null, []);

    /// <summary>The context of a call with <paramref name="options"/>, checked by <see cref="RequestOptionsChecks"/> first.</summary>
    internal static CallContext Of(OperationInfo operation, RequestOptions? options) =>
        options is null ? Of(operation) : new CallContext(operation, options, RequestOptionsChecks.Validated(options));

    /// <summary>The call a request was sent for, if the SDK sent it.</summary>
    internal static CallContext? Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(OptionKey, out CallContext? call) ? call : null;
}
