namespace CustomerAddresses.Client;

/// <summary>The API's customers, their addresses and organizations' billing addresses, one client per resource group.</summary>
public interface ICustomerAddressesClient
{
    /// <summary>Gets the customer operations.</summary>
    ICustomersClient Customers { get; }

    /// <summary>Gets the customer address operations.</summary>
    IAddressesClient Addresses { get; }

    /// <summary>Gets the organization billing address operations.</summary>
    IBillingAddressesClient BillingAddresses { get; }
}
