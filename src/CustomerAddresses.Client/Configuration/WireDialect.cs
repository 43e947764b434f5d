namespace CustomerAddresses.Client.Configuration;

/// <summary>
/// The dialect a client speaks, chosen once from the options (<see cref="CustomerAddressesClientOptions.Dialect"/>, or
/// the base address's host). Operations ask it which of their variants to send, and the request handler which headers
/// the dialect wants.
/// </summary>
internal sealed class WireDialect
{
    /// <summary>The /api/v1 customers API of seeds 000, 001 and 003.</summary>
    internal static readonly WireDialect CustomersApiV1 = new(ApiDialectInfo.CustomersApiV1, paddleVersion: null);

    /// <summary>Paddle Billing: every request carries <c>Paddle-Version: 1</c>.</summary>
    internal static readonly WireDialect PaddleBilling = new(ApiDialectInfo.PaddleBilling, paddleVersion: "1");

    private WireDialect(ApiDialectInfo info, string? paddleVersion)
    {
        Info = info;
        PaddleVersion = paddleVersion;
    }

    /// <summary>Its public facts (kind, name, page size, id prefixes): one source for both.</summary>
    internal ApiDialectInfo Info { get; }

    /// <summary>The public value that names it.</summary>
    internal ApiDialect Kind => Info.Kind;

    /// <summary>What messages call it: <c>Paddle Billing</c>, <c>/api/v1</c>.</summary>
    internal string Name => Info.Name;

    /// <summary>The <c>Paddle-Version</c> every request carries, or null for a dialect without one.</summary>
    internal string? PaddleVersion { get; }

    internal static WireDialect Of(ApiDialect kind) => kind == ApiDialect.PaddleBilling ? PaddleBilling : CustomersApiV1;

    public override string ToString() => Name;
}
