using static CustomerAddresses.Client.Core.RequestChecks;

namespace CustomerAddresses.Client.Customers;

/// <summary>The customer requests' checks, in the chosen dialect; each failure names the member, before any request.</summary>
internal static class CustomerChecks
{
    /// <summary>The customer checks of the chosen dialect: what it requires, and no member it does not define.</summary>
    internal static void Validate(CreateCustomerRequest request, ApiDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (dialect == ApiDialect.PaddleBilling)
        {
            Undefined(request.Phone, "request.Phone", dialect);
            Undefined(request.Address, "request.Address", dialect);
            Undefined(request.PaymentMethod, "request.PaymentMethod", dialect);
            Undefined(request.Status, "request.Status", dialect);
        }
        else
        {
            Required(request.Name, "request.Name");
            Undefined(request.Locale, "request.Locale", dialect);
        }

        Email(request.Email, "request.Email");

        if (request.Address is { } address)
        {
            if (address.Country is { } country)
            {
                Alpha2(country, "request.Address.Country");
            }
        }

        NotDefault(request.Status, "request.Status");
        CustomData(request.CustomData, "request.CustomData");
    }

    internal static void Validate(UpdateCustomerRequest request, ApiDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (dialect != ApiDialect.PaddleBilling)
        {
            Undefined(request.Locale, "request.Locale", dialect);
        }

        if (request.Email is { } email)
        {
            Email(email, "request.Email");
        }

        NotDefault(request.Status, "request.Status");
        CustomData(request.CustomData.Value, "request.CustomData");
    }
}
