using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Protocol;

namespace CustomerAddresses.Client.Core;

/// <summary>
/// One public operation, declared once with its variant in each dialect that has it: the client's dialect picks one,
/// and an operation its dialect lacks is a <see cref="NotSupportedException"/> before any request.
/// </summary>
/// <typeparam name="TOperation">An <see cref="ApiOperation{TApi, TArgs, TResult}"/> or a <see cref="Paging.ListOperation{TApi, TArgs, TItem}"/>.</typeparam>
internal sealed class Dialects<TOperation>
    where TOperation : class, IDeclaredOperation
{
    private readonly TOperation? _apiV1;
    private readonly TOperation? _paddle;

    private Dialects(TOperation? apiV1, TOperation? paddle)
    {
        _apiV1 = apiV1;
        _paddle = paddle;
    }

    /// <summary>An operation both dialects send alike (such as Wacht's billing addresses, which neither dialect changes).</summary>
    internal static Dialects<TOperation> Both(TOperation operation) => new(operation, operation);

    /// <summary>An operation each dialect sends its own way.</summary>
    internal static Dialects<TOperation> Each(TOperation apiV1, TOperation paddle) => new(apiV1, paddle);

    /// <summary>An operation of Paddle Billing only.</summary>
    internal static Dialects<TOperation> PaddleOnly(TOperation paddle) => new(null, paddle);

    /// <summary>An operation of the /api/v1 customers API only.</summary>
    internal static Dialects<TOperation> ApiV1Only(TOperation apiV1) => new(apiV1, null);

    /// <summary>The variant <paramref name="dialect"/> sends.</summary>
    /// <exception cref="NotSupportedException">The dialect has no such operation.</exception>
    internal TOperation For(WireDialect dialect) =>
        (dialect.Kind == ApiDialect.PaddleBilling ? _paddle : _apiV1)
        ?? throw new NotSupportedException(
            $"{(_apiV1 ?? _paddle)!.Info.Display} is not part of the {dialect.Name} API this client speaks (Dialect = {dialect.Kind}); nothing was sent.");
}

/// <summary>What every declared operation tells: its name, method, route and retry safety.</summary>
internal interface IDeclaredOperation
{
    OperationInfo Info { get; }
}
