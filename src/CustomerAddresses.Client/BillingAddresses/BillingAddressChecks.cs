using static CustomerAddresses.Client.Core.RequestChecks;

namespace CustomerAddresses.Client.BillingAddresses;

/// <summary>The billing address requests' checks; each failure names the member, before any request.</summary>
internal static class BillingAddressChecks
{
    internal static void Validate(AddBillingAddressRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required(request.Name, "request.Name");
        Required(request.Company, "request.Company");
        Required(request.AddressLine1, "request.AddressLine1");
        Required(request.City, "request.City");
        Required(request.State, "request.State");
        Required(request.PostalCode, "request.PostalCode");
        Alpha2(request.Country, "request.Country");
    }

    internal static void Validate(ReplaceBillingAddressRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required(request.Address, "request.Address");
        Required(request.City, "request.City");
        Required(request.State, "request.State");
        Required(request.PostalCode, "request.PostalCode");
        Required(request.Country.Value, "request.Country");
    }
}
