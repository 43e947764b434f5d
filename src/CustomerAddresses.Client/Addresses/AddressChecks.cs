using static CustomerAddresses.Client.Core.RequestChecks;

namespace CustomerAddresses.Client.Addresses;

/// <summary>The address requests' checks, in the chosen dialect; each failure names the member, before any request.</summary>
internal static class AddressChecks
{
    /// <summary>The address checks of the chosen dialect: what it requires, and no member it does not define.</summary>
    internal static void Validate(CreateAddressRequest request, ApiDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (dialect == ApiDialect.PaddleBilling)
        {
            Optional(request.Region, "request.Region", 200);
            Optional(request.City, "request.City", 200);
        }
        else
        {
            Required(request.Region, "request.Region", 200);
            Required(request.City, "request.City", 200);
            Undefined(request.FirstLine, "request.FirstLine", dialect);
            Undefined(request.SecondLine, "request.SecondLine", dialect);
            Undefined(request.PostalCode, "request.PostalCode", dialect);
        }

        Alpha2(request.Country, "request.Country");
        Optional(request.Description, "request.Description", 1024);
        Optional(request.FirstLine, "request.FirstLine", 1024);
        Optional(request.SecondLine, "request.SecondLine", 1024);
        Optional(request.PostalCode, "request.PostalCode", 200);
        CustomData(request.CustomData, "request.CustomData");
    }

    internal static void Validate(UpdateAddressRequest request, ApiDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (dialect != ApiDialect.PaddleBilling)
        {
            Undefined(request.FirstLine.IsSpecified, "request.FirstLine", dialect);
            Undefined(request.SecondLine.IsSpecified, "request.SecondLine", dialect);
            Undefined(request.PostalCode.IsSpecified, "request.PostalCode", dialect);
        }

        if (request.Country is { } country)
        {
            Alpha2(country, "request.Country");
        }

        Optional(request.Description.Value, "request.Description", 1024);
        Optional(request.FirstLine.Value, "request.FirstLine", 1024);
        Optional(request.SecondLine.Value, "request.SecondLine", 1024);
        Optional(request.City.Value, "request.City", 200);
        Optional(request.Region.Value, "request.Region", 200);
        Optional(request.PostalCode.Value, "request.PostalCode", 200);
        NotDefault(request.Status, "request.Status");
        CustomData(request.CustomData.Value, "request.CustomData");
    }
}
