namespace CustomerAddresses.Client;

/// <summary>The kind of resource a raw id names, told by its prefix. See <see cref="ResourceIds.Identify(string?)"/>.</summary>
public enum ResourceIdKind
{
    /// <summary>The value is not a valid id of any prefixed kind (organization ids carry no prefix and land here too).</summary>
    Unknown = 0,

    /// <summary>A <see cref="CustomerId"/> (<c>ctm_</c> or <c>cus_</c>).</summary>
    Customer,

    /// <summary>An <see cref="AddressId"/> (<c>add_</c>).</summary>
    Address,

    /// <summary>A <see cref="BillingAddressId"/> (<c>billing_</c>).</summary>
    BillingAddress,
}
