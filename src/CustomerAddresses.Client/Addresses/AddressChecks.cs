using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Primitives;
using static CustomerAddresses.Client.Core.RequestChecks;

namespace CustomerAddresses.Client.Addresses;

/// <summary>The address operations' argument checks, one per dialect where the dialects differ; each failure names the member, before any request.</summary>
internal static class AddressChecks
{
    /// <summary>Paddle's create: <c>country_code</c> required; the lines, city, postal code, region, description, custom data optional.</summary>
    internal static void CreateOnPaddle((CustomerId CustomerId, CreateAddressRequest Request) args)
    {
        CreateAddressRequest request = Common(args);
        Optional(request.Region, "request.Region", 200);
        Optional(request.City, "request.City", 200);
        Create(request);
    }

    /// <summary>Seed 000's create: <c>region</c>, <c>city</c>, <c>country</c> required; no lines and no postal code.</summary>
    internal static void CreateOnApiV1((CustomerId CustomerId, CreateAddressRequest Request) args)
    {
        CreateAddressRequest request = Common(args);
        Required(request.Region, "request.Region", 200);
        Required(request.City, "request.City", 200);
        Undefined(request.FirstLine, "request.FirstLine", WireDialect.CustomersApiV1);
        Undefined(request.SecondLine, "request.SecondLine", WireDialect.CustomersApiV1);
        Undefined(request.PostalCode, "request.PostalCode", WireDialect.CustomersApiV1);
        Create(request);
    }

    internal static void UpdateOnPaddle((CustomerId CustomerId, AddressId Id, UpdateAddressRequest Request) args) => Update(Ids(args));

    internal static void UpdateOnApiV1((CustomerId CustomerId, AddressId Id, UpdateAddressRequest Request) args)
    {
        UpdateAddressRequest request = Ids(args);
        Undefined(request.FirstLine.IsSpecified, "request.FirstLine", WireDialect.CustomersApiV1);
        Undefined(request.SecondLine.IsSpecified, "request.SecondLine", WireDialect.CustomersApiV1);
        Undefined(request.PostalCode.IsSpecified, "request.PostalCode", WireDialect.CustomersApiV1);
        Update(request);
    }

    internal static void Ids((CustomerId CustomerId, AddressId Id) args)
    {
        TypedId.ThrowIfDefault(args.CustomerId, "customerId");
        TypedId.ThrowIfDefault(args.Id, "addressId");
    }

    private static CreateAddressRequest Common((CustomerId CustomerId, CreateAddressRequest Request) args)
    {
        TypedId.ThrowIfDefault(args.CustomerId, "customerId");
        return args.Request ?? throw new ArgumentNullException("request");
    }

    private static UpdateAddressRequest Ids((CustomerId CustomerId, AddressId Id, UpdateAddressRequest Request) args)
    {
        Ids((args.CustomerId, args.Id));
        return args.Request ?? throw new ArgumentNullException("request");
    }

    private static void Create(CreateAddressRequest request)
    {
        Alpha2(request.Country, "request.Country");
        Optional(request.Description, "request.Description", 1024);
        Optional(request.FirstLine, "request.FirstLine", 1024);
        Optional(request.SecondLine, "request.SecondLine", 1024);
        Optional(request.PostalCode, "request.PostalCode", 200);
        CustomData(request.CustomData, "request.CustomData");
    }

    private static void Update(UpdateAddressRequest request)
    {
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
