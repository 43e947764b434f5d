using CustomerAddresses.Client.Primitives;
using static CustomerAddresses.Client.Core.RequestChecks;

namespace CustomerAddresses.Client.BillingAddresses;

/// <summary>The billing address operations' argument checks (Wacht's, in either dialect); each failure names the member, before any request.</summary>
internal static class BillingAddressChecks
{
    internal static void Add((OrganizationId OrganizationId, AddBillingAddressRequest Request) args)
    {
        Organization(args.OrganizationId);
        AddBillingAddressRequest request = args.Request ?? throw new ArgumentNullException("request");
        Required(request.Name, "request.Name");
        Required(request.Company, "request.Company");
        Required(request.AddressLine1, "request.AddressLine1");
        Required(request.City, "request.City");
        Required(request.State, "request.State");
        Required(request.PostalCode, "request.PostalCode");
        Alpha2(request.Country, "request.Country");
    }

    internal static void Replace((OrganizationId OrganizationId, BillingAddressId Id, ReplaceBillingAddressRequest Request) args)
    {
        Ids((args.OrganizationId, args.Id));
        ReplaceBillingAddressRequest request = args.Request ?? throw new ArgumentNullException("request");
        Required(request.Address, "request.Address");
        Required(request.City, "request.City");
        Required(request.State, "request.State");
        Required(request.PostalCode, "request.PostalCode");
        Required(request.Country.Value, "request.Country");
    }

    internal static void Ids((OrganizationId OrganizationId, BillingAddressId Id) args)
    {
        Organization(args.OrganizationId);
        TypedId.ThrowIfDefault(args.Id, "billingAddressId");
    }

    internal static void Organization(OrganizationId organizationId) => TypedId.ThrowIfDefault(organizationId, nameof(organizationId));
}
