using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Primitives;
using static CustomerAddresses.Client.Core.RequestChecks;

namespace CustomerAddresses.Client.Customers;

/// <summary>The customer operations' argument checks, one per dialect where the dialects differ; each failure names the member, before any request.</summary>
internal static class CustomerChecks
{
    /// <summary>Paddle's create: <c>email</c> required; <c>name</c>, <c>locale</c>, <c>custom_data</c>; no other member.</summary>
    internal static void CreateOnPaddle(CreateCustomerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Undefined(request.Phone, "request.Phone", WireDialect.PaddleBilling);
        Undefined(request.Address, "request.Address", WireDialect.PaddleBilling);
        Undefined(request.PaymentMethod, "request.PaymentMethod", WireDialect.PaddleBilling);
        Undefined(request.Status, "request.Status", WireDialect.PaddleBilling);
        Create(request);
    }

    /// <summary>Seed 003's create: <c>name</c> and <c>email</c> required; <c>phone</c>, <c>address</c>, <c>payment_method</c>, <c>status</c>, <c>custom_data</c>.</summary>
    internal static void CreateOnApiV1(CreateCustomerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required(request.Name, "request.Name");
        Undefined(request.Locale, "request.Locale", WireDialect.CustomersApiV1);
        Create(request);
    }

    internal static void UpdateOnPaddle((CustomerId Id, UpdateCustomerRequest Request) args)
    {
        Id(args.Id);
        ArgumentNullException.ThrowIfNull(args.Request, "request");
        Update(args.Request);
    }

    internal static void UpdateOnApiV1((CustomerId Id, UpdateCustomerRequest Request) args)
    {
        Id(args.Id);
        ArgumentNullException.ThrowIfNull(args.Request, "request");
        Undefined(args.Request.Locale, "request.Locale", WireDialect.CustomersApiV1);
        Update(args.Request);
    }

    internal static void Id(CustomerId customerId) => TypedId.ThrowIfDefault(customerId, nameof(customerId));

    private static void Create(CreateCustomerRequest request)
    {
        Email(request.Email, "request.Email");
        if (request.Address?.Country is { } country)
        {
            Alpha2(country, "request.Address.Country");
        }

        NotDefault(request.Status, "request.Status");
        CustomData(request.CustomData, "request.CustomData");
    }

    private static void Update(UpdateCustomerRequest request)
    {
        if (request.Email is { } email)
        {
            Email(email, "request.Email");
        }

        NotDefault(request.Status, "request.Status");
        CustomData(request.CustomData.Value, "request.CustomData");
    }
}
