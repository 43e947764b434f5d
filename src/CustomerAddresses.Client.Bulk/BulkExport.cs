namespace CustomerAddresses.Client.Bulk;

/// <summary>What <see cref="BulkClient.ExportAsync"/> exports.</summary>
public sealed record BulkExportOptions
{
    /// <summary>Gets whether archived customers and addresses are exported too. Defaults to <see langword="false"/>: active ones only.</summary>
    public bool IncludeArchived { get; init; }
}

/// <summary>One record of an export: a customer and one of its addresses, or the customer alone when it has none.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="Address">One of its addresses, or <see langword="null"/> for a customer without any.</param>
public sealed record BulkExportRecord(Customer Customer, Address? Address);
