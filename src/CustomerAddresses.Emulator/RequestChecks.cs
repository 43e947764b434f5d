using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerAddresses.Emulator;

/// <summary>The server side of the contract's field rules; each problem becomes one field error.</summary>
internal static class RequestChecks
{
    internal static bool IsAlpha2(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String && ((string)node!) is { Length: 2 } s && char.IsAsciiLetterUpper(s[0]) && char.IsAsciiLetterUpper(s[1]);

    internal static void RequiredString(JsonObject body, string name, int max, List<(string, string)> problems, string? field = null)
    {
        JsonNode? node = body[name];
        if (node?.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace((string)node!))
        {
            problems.Add((field ?? name, "is required and must be a non-empty string"));
        }
        else if (((string)node!).Length > max)
        {
            problems.Add((field ?? name, $"must be at most {max} characters"));
        }
    }

    internal static void OptionalString(JsonObject body, string name, int max, List<(string, string)> problems)
    {
        JsonNode? node = body[name];
        if (node is null)
        {
            return;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            problems.Add((name, "must be a string or null"));
        }
        else if (((string)node!).Length > max)
        {
            problems.Add((name, $"must be at most {max} characters"));
        }
    }

    internal static void OptionalObject(JsonObject body, string name, List<(string, string)> problems)
    {
        if (body[name] is { } node && node.GetValueKind() != JsonValueKind.Object)
        {
            problems.Add((name, "must be an object or null"));
        }
    }

    internal static void Country(JsonObject body, string name, List<(string, string)> problems, string? field = null)
    {
        if (!IsAlpha2(body[name]))
        {
            problems.Add((field ?? name, "must be a two-letter upper-case ISO 3166-1 alpha-2 country code"));
        }
    }

    /// <summary>
    /// A create-customer body: the /api/v1 API requires a name; the root, which serves Paddle's dialect, does not (and
    /// still takes the /api/v1 members, for clients that speak that dialect to it).
    /// </summary>
    internal static List<(string, string)> Customer(JsonObject body, EmulatorDialect dialect)
    {
        var problems = new List<(string, string)>();
        if (dialect == EmulatorDialect.ApiV1 || body["name"] is not null)
        {
            RequiredString(body, "name", 1024, problems);
        }

        RequiredString(body, "email", 320, problems);
        if (body["email"]?.GetValueKind() == JsonValueKind.String && !((string)body["email"]!).Contains('@', StringComparison.Ordinal))
        {
            problems.Add(("email", "must be a valid email address"));
        }

        OptionalString(body, "phone", 200, problems);
        OptionalString(body, "payment_method", 200, problems);
        OptionalString(body, "locale", 20, problems);
        OptionalObject(body, "custom_data", problems);
        if (body["status"] is { } status && !(status.GetValueKind() == JsonValueKind.String && (string)status! is "active" or "inactive" or "suspended" or "archived"))
        {
            problems.Add(("status", "must be active, inactive, suspended or archived"));
        }

        if (body["address"] is { } address)
        {
            if (address is not JsonObject addressObject)
            {
                problems.Add(("address", "must be an object or null"));
            }
            else
            {
                OptionalString(addressObject, "city", 200, problems);
                Country(addressObject, "country", problems, "address.country");
            }
        }

        return problems;
    }

    /// <summary>
    /// A create-address body: Paddle's form (<c>country_code</c> required, everything else optional) is taken at the root;
    /// the /api/v1 form (<c>country</c>, <c>region</c> and <c>city</c> required) everywhere.
    /// </summary>
    internal static List<(string, string)> Address(JsonObject body, EmulatorDialect dialect)
    {
        var problems = new List<(string, string)>();
        if (dialect == EmulatorDialect.Paddle && body.ContainsKey("country_code"))
        {
            Country(body, "country_code", problems);
            OptionalString(body, "region", 200, problems);
            OptionalString(body, "city", 200, problems);
        }
        else
        {
            RequiredString(body, "region", 200, problems);
            RequiredString(body, "city", 200, problems);
            Country(body, "country", problems);
        }

        OptionalString(body, "description", 1024, problems);
        OptionalString(body, "first_line", 1024, problems);
        OptionalString(body, "second_line", 1024, problems);
        OptionalString(body, "postal_code", 200, problems);
        OptionalObject(body, "custom_data", problems);
        return problems;
    }

    internal static List<(string, string)> BillingAddress(JsonObject body)
    {
        var problems = new List<(string, string)>();
        foreach (string name in new[] { "name", "company", "address_line_1", "city", "state", "postal_code" })
        {
            RequiredString(body, name, 1024, problems);
        }

        Country(body, "country", problems);
        OptionalString(body, "address_line_2", 1024, problems);
        if (body["is_default"] is { } isDefault && isDefault.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            problems.Add(("is_default", "must be a boolean"));
        }

        return problems;
    }

    /// <summary>The replace body of Wacht's server: every member required, <c>country</c> any non-empty string.</summary>
    internal static List<(string, string)> ReplacedBillingAddress(JsonObject body)
    {
        var problems = new List<(string, string)>();
        foreach (string name in new[] { "address", "city", "state", "country", "postal_code" })
        {
            RequiredString(body, name, 1024, problems);
        }

        return problems;
    }
}
