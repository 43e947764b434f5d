namespace CustomerAddresses.Client.Bulk;

/// <summary>What <see cref="BulkClient.ExportAsync"/> exports.</summary>
public sealed record BulkExportOptions
{
    /// <summary>Gets whether archived customers, addresses and businesses are exported too. Defaults to <see langword="false"/>: active ones only.</summary>
    public bool IncludeArchived { get; init; }

    /// <summary>
    /// Gets whether each customer's businesses are exported, where the dialect has them
    /// (<see cref="ApiDialectInfo.HasBusinesses"/>). Defaults to <see langword="true"/>.
    /// </summary>
    public bool IncludeBusinesses { get; init; } = true;

    /// <summary>
    /// Gets whether each customer's saved payment methods are exported, where the dialect has them
    /// (<see cref="ApiDialectInfo.HasPaymentMethods"/>). They are read-only (only a checkout saves one), so an import does
    /// not create them. Defaults to <see langword="false"/>.
    /// </summary>
    public bool IncludePaymentMethods { get; init; }
}

/// <summary>
/// One record of an export: a customer and one of its addresses, one of its businesses or one of its saved payment
/// methods (at most one of the three is set), or the customer alone when it has none of them.
/// </summary>
/// <param name="Customer">The customer.</param>
/// <param name="Address">One of its addresses, or <see langword="null"/> for a record of a business, a payment method or the customer alone.</param>
public sealed record BulkExportRecord(Customer Customer, Address? Address)
{
    /// <summary>Gets one of the customer's businesses, or <see langword="null"/> for a record of something else.</summary>
    public Business? Business { get; init; }

    /// <summary>
    /// Gets one of the customer's saved payment methods (<see cref="BulkExportOptions.IncludePaymentMethods"/>), or
    /// <see langword="null"/> for a record of something else. It is the model the client read; a file written from it
    /// should leave out what identifies a person (the cardholder's name, the PayPal account), as the tool does.
    /// </summary>
    public PaymentMethod? PaymentMethod { get; init; }
}
