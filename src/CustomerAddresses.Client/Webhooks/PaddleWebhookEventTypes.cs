namespace CustomerAddresses.Client;

/// <summary>The event types of a customer's graph that Paddle sends webhooks for and this client reads as typed events.</summary>
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

    /// <summary>A business was created.</summary>
    public const string BusinessCreated = "business.created";

    /// <summary>A business was updated (archiving is an update).</summary>
    public const string BusinessUpdated = "business.updated";

    /// <summary>A business was imported.</summary>
    public const string BusinessImported = "business.imported";

    /// <summary>A customer saved a payment method at checkout.</summary>
    public const string PaymentMethodSaved = "payment_method.saved";

    /// <summary>A saved payment method was deleted.</summary>
    public const string PaymentMethodDeleted = "payment_method.deleted";
}
