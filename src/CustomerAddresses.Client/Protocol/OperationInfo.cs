namespace CustomerAddresses.Client.Protocol;

/// <summary>
/// What every layer below the façade knows of an operation: its telemetry name, its method and route template (the
/// route names its ids, so logs hold no id and no query string), and whether it may be repeated. Each request the
/// operation sends carries it, in its <see cref="CallContext"/>.
/// </summary>
internal sealed class OperationInfo
{
    /// <param name="name">The telemetry name, such as <c>customers.create</c>.</param>
    /// <param name="title">What a person calls it, such as <c>Create customer</c>.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="route">The route relative to the base address, with ids as names: <c>customers/{customer_id}/addresses</c>.</param>
    /// <param name="idempotent">Whether repeating it is harmless; by default, whether its method is idempotent.</param>
    /// <param name="neverRepeated">
    /// Whether it makes something new on every call that must not exist twice (a token, a portal session): it is then
    /// never repeated once it may have reached the server, even when the caller allows unsafe requests to be retried.
    /// </param>
    /// <param name="secretAnswers">
    /// Whether its answers carry credentials (a token, links that sign in): no excerpt of any answer of it is kept, and
    /// what the reader says of one it cannot read names no part of it.
    /// </param>
    internal OperationInfo(string name, string title, HttpMethod method, string route, bool? idempotent = null, bool neverRepeated = false, bool secretAnswers = false)
    {
        HasSecretAnswers = secretAnswers;
        IsIdempotent = !neverRepeated && (idempotent ?? IsIdempotentMethod(method));
        IsNeverRepeated = neverRepeated;
        Name = name;
        Method = method;
        Route = route;
        Display = $"{title} ({method.Method} {route})";
    }

    internal string Name { get; }

    internal HttpMethod Method { get; }

    internal string Route { get; }

    /// <summary>The operation as exception messages name it: <c>Create customer (POST customers)</c>.</summary>
    internal string Display { get; }

    /// <summary>Whether it may be repeated after any transient failure; otherwise only when it cannot have taken effect.</summary>
    internal bool IsIdempotent { get; }

    /// <summary>Whether it is repeated only when it cannot have taken effect, whatever the retry options say.</summary>
    internal bool IsNeverRepeated { get; }

    /// <summary>Whether its answers carry credentials, so that no part of one may be quoted.</summary>
    internal bool HasSecretAnswers { get; }

    internal static bool IsIdempotentMethod(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace;

    /// <summary>The operation a request was sent for, if the SDK sent it.</summary>
    internal static OperationInfo? Of(HttpRequestMessage request) => CallContext.Of(request)?.Operation;

    /// <summary>
    /// Whether a request may be sent twice with the effect of once: by its operation's rule when the SDK sent it for
    /// one, by its method otherwise.
    /// </summary>
    internal static bool IsIdempotentRequest(HttpRequestMessage request) =>
        Of(request)?.IsIdempotent ?? IsIdempotentMethod(request.Method);

    /// <summary>The shared context of this operation's calls without options (see <see cref="CallContext.Of(OperationInfo)"/>).</summary>
    internal CallContext? PlainCall { get; set; }

    public override string ToString() => Display;
}
