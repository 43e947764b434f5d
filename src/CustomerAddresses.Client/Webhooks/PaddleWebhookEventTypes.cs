namespace CustomerAddresses.Client;

/// <summary>The customer and address event types Paddle sends webhooks for.</summary>
public static class PaddleWebhookEventTypes
{
    /// <summary>A customer was created.</summary>
    public const string CustomerCreated = "customer.created";

    /// <summary>A customer was updated (archiving is an update).</summary>
    public const string CustomerUpdated = "customer.updated";

    /// <summary>A customer was imported.</summary>
    public const string CustomerImported = "customer.imported";

    /// <summary>An address was created.</summary>
    public const string AddressCreated = "address.created";

    /// <summary>An address was updated (archiving is an update).</summary>
    public const string AddressUpdated = "address.updated";

    /// <summary>An address was imported.</summary>
    public const string AddressImported = "address.imported";
}
