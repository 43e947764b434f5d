namespace CustomerAddresses.Client;

/// <summary>Tells which typed id a raw id string is, by its prefix.</summary>
public static class ResourceIds
{
    /// <summary>Identifies the kind of a raw id.</summary>
    /// <param name="value">A raw id such as <c>ctm_01grnn4zta5a1mf02jjze7y2ys</c>.</param>
    /// <returns>
    /// The kind whose prefix and character rules <paramref name="value"/> satisfies, so that the matching
    /// <c>TryParse</c> succeeds; <see cref="ResourceIdKind.Unknown"/> otherwise.
    /// </returns>
    public static ResourceIdKind Identify(string? value)
    {
        if (CustomerId.TryParse(value, out _))
        {
            return ResourceIdKind.Customer;
        }

        if (AddressId.TryParse(value, out _))
        {
            return ResourceIdKind.Address;
        }

        return BillingAddressId.TryParse(value, out _) ? ResourceIdKind.BillingAddress : ResourceIdKind.Unknown;
    }
}
