namespace CustomerAddresses.Client.Primitives;

/// <summary>Client-side checks that run before any request is sent; each failure names the offending member.</summary>
internal static class RequestChecks
{
    internal static void Validate(CreateCustomerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required(request.Name, "request.Name");
        Required(request.Email, "request.Email");
        if (!request.Email.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException("request.Email must be an email address (it has no '@').", "request.Email");
        }

        if (request.Address is { } address)
        {
            if (address.Country is { } country)
            {
                Alpha2(country, "request.Address.Country");
            }
        }

        NotDefault(request.Status, "request.Status");
    }

    internal static void Validate(CreateAddressRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required(request.Region, "request.Region", 200);
        Required(request.City, "request.City", 200);
        Alpha2(request.Country, "request.Country");
        Optional(request.Description, "request.Description", 1024);
        Optional(request.FirstLine, "request.FirstLine", 1024);
        Optional(request.SecondLine, "request.SecondLine", 1024);
        Optional(request.PostalCode, "request.PostalCode", 200);
    }

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

    internal static void Required(string? value, string name, int? maxLength = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is required and must not be empty or white space.", name);
        }

        Optional(value, name, maxLength);
    }

    internal static void Optional(string? value, string name, int? maxLength)
    {
        if (value is not null && maxLength is { } max && value.Length > max)
        {
            throw new ArgumentException($"{name} must be at most {max} characters long (it has {value.Length}).", name);
        }
    }

    /// <summary>Requests carry two upper-case ASCII letters, as ISO 3166-1 alpha-2 says.</summary>
    internal static void Alpha2(CountryCode country, string name)
    {
        string value = country.Value;
        if (value.Length != 2 || !char.IsAsciiLetterUpper(value[0]) || !char.IsAsciiLetterUpper(value[1]))
        {
            string shown = value.Length is > 0 and <= 32 ? $" (it is '{value}')" : string.Empty;
            throw new ArgumentException(
                $"{name} must be a two-letter upper-case ISO 3166-1 alpha-2 country code such as 'US'{shown}.",
                name);
        }
    }

    internal static void NotDefault<T>(T? value, string name)
        where T : struct, IExpandableValue<T>
    {
        if (value is { } v && v.Value.Length == 0)
        {
            throw new ArgumentException($"{name} is the default (empty) value; use a known value or the constructor.", name);
        }
    }
}
