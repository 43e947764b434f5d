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

    /// <summary>A portal session: the customer, and subscription ids of Paddle's shape (<c>sub_</c> and lower-case letters and digits).</summary>
    internal static void PortalSession((CustomerId Id, IReadOnlyList<string> SubscriptionIds) args)
    {
        Id(args.Id);
        for (int i = 0; i < args.SubscriptionIds.Count; i++)
        {
            string? id = args.SubscriptionIds[i];
            if (id is not { Length: > 4 and <= TypedId.MaxLength } || !id.StartsWith("sub_", StringComparison.Ordinal) || !id.AsSpan(4).ContainsOnlyLowerCaseLettersAndDigits())
            {
                throw new ArgumentException($"subscriptionIds[{i}] must be a Paddle subscription id: 'sub_' and lower-case letters and digits.", "subscriptionIds");
            }
        }
    }

    /// <summary>The currency filter of the credit balances: three upper-case letters each (ISO 4217), sent comma-separated.</summary>
    internal static string? CurrencyCodes(IReadOnlyList<string>? currencyCodes)
    {
        string? wire = Core.Paging.ListQueryChecks.CommaSeparated(currencyCodes, static code => code ?? string.Empty, nameof(currencyCodes));
        if (currencyCodes is not null && currencyCodes.Any(code => code is not { Length: 3 } || !code.All(char.IsAsciiLetterUpper)))
        {
            throw new ArgumentException($"{nameof(currencyCodes)} must hold three-letter upper-case ISO 4217 currency codes, such as 'USD'.", nameof(currencyCodes));
        }

        return wire;
    }

    private static bool ContainsOnlyLowerCaseLettersAndDigits(this ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

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
