namespace CustomerAddresses.Client.Primitives;

/// <summary>Client-side checks that run before any request is sent; each failure names the offending member.</summary>
internal static class RequestChecks
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

    /// <summary>
    /// The deepest <c>custom_data</c> in nested objects and arrays, counting the object itself: the request body around
    /// it is one level more, and 64
    /// levels is what the serializer writes (and what servers built on System.Text.Json or the emulator read) by default.
    /// </summary>
    internal const int MaxCustomDataDepth = 63;

    /// <summary>
    /// Custom data the serializer could not write would fail mid-request with its own exception types: refuse it here,
    /// naming the member, when it nests too deep, holds a number JSON cannot express (NaN, infinity), or holds a .NET
    /// value the client's JSON metadata cannot write. The last two are found by writing it once, as the request will.
    /// </summary>
    internal static void CustomData(System.Text.Json.Nodes.JsonObject? data, string name)
    {
        if (data is null)
        {
            return;
        }

        var pending = new Stack<(System.Text.Json.Nodes.JsonNode Node, int Depth)>();
        pending.Push((data, 1));
        while (pending.TryPop(out var entry))
        {
            if (entry.Depth > MaxCustomDataDepth)
            {
                throw new ArgumentException($"{name} nests deeper than {MaxCustomDataDepth} levels.", name);
            }

            IEnumerable<System.Text.Json.Nodes.JsonNode?> children = entry.Node switch
            {
                System.Text.Json.Nodes.JsonObject obj => obj.Select(member => member.Value),
                System.Text.Json.Nodes.JsonArray array => array,
                _ => [],
            };
            foreach (System.Text.Json.Nodes.JsonNode? child in children)
            {
                if (child is System.Text.Json.Nodes.JsonObject or System.Text.Json.Nodes.JsonArray)
                {
                    pending.Push((child, entry.Depth + 1));
                }
            }
        }

        try
        {
            using var writer = new System.Text.Json.Utf8JsonWriter(Stream.Null);
            data.WriteTo(writer, Serialization.CustomerAddressesJsonContext.Default.Options);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException or System.Text.Json.JsonException)
        {
            throw new ArgumentException($"{name} holds a value JSON cannot express or this client cannot write (NaN, infinity, or a .NET type without JSON metadata).", name, e);
        }
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

    /// <summary>A member the chosen dialect does not define is refused, never dropped and never sent to be refused.</summary>
    internal static void Undefined<T>(T? value, string name, ApiDialect dialect) => Undefined(value is not null, name, dialect);

    /// <summary>The same for a member that is sent when <paramref name="specified"/>, such as a <see cref="Patch{T}"/> set to clear.</summary>
    internal static void Undefined(bool specified, string name, ApiDialect dialect)
    {
        if (specified)
        {
            throw new ArgumentException(
                $"{name} is not part of the {(dialect == ApiDialect.PaddleBilling ? "Paddle Billing" : "/api/v1")} API this client speaks (Dialect = {dialect}); leave it null.",
                name);
        }
    }

    /// <summary>A non-empty email address; the client checks only for the '@' no server would go without.</summary>
    internal static void Email(string? value, string name)
    {
        Required(value, name);
        if (!value!.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{name} must be an email address (it has no '@').", name);
        }
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
