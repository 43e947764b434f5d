using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerAddresses.Client.Testing;

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

    internal static void Country(JsonObject body, string name, List<(string, string)> problems, string? field = null, EmulatorDialect? dialect = null)
    {
        if (body[name] is null)
        {
            problems.Add((field ?? name, "is required"));
        }
        else if (CountryProblem(body[name], dialect) is { } problem)
        {
            problems.Add((field ?? name, problem));
        }
    }

    /// <summary>
    /// Why a country code is refused, or null: two upper-case letters everywhere, and under Paddle's dialect one of the
    /// countries Paddle supports (<see cref="PaddleCountries"/>), as Paddle's schema enumerates them.
    /// </summary>
    internal static string? CountryProblem(JsonNode? value, EmulatorDialect? dialect) =>
        !IsAlpha2(value) ? "must be a two-letter upper-case ISO 3166-1 alpha-2 country code"
        : dialect == EmulatorDialect.Paddle && !PaddleCountries.IsSupported((string)value!) ? $"{(string)value!} is not a country code Paddle supports"
        : null;

    /// <summary>
    /// A member the request does not define: Paddle's <c>customer-create</c> and <c>address-create</c> schemas set
    /// <c>additionalProperties: false</c>, and the /api/v1 emulator refuses them too rather than store and echo them.
    /// </summary>
    internal static void OnlyMembers(JsonObject body, string[] members, List<(string, string)> problems)
    {
        foreach ((string key, _) in body)
        {
            if (Array.IndexOf(members, key) < 0)
            {
                problems.Add((key, $"Additional property {key} is not allowed"));
            }
        }
    }

    private static void Email(JsonObject body, List<(string, string)> problems)
    {
        RequiredString(body, "email", 320, problems);
        if (body["email"]?.GetValueKind() == JsonValueKind.String && !EmailAndLocale.IsEmail((string)body["email"]!))
        {
            problems.Add(("email", EmailAndLocale.EmailProblem));
        }
    }

    /// <summary>Paddle's <c>locale</c>: a string that is a short form IETF BCP 47 tag.</summary>
    internal static string? LocaleProblem(JsonNode? value) =>
        value?.GetValueKind() == JsonValueKind.String && EmailAndLocale.IsLocale((string)value!) ? null : EmailAndLocale.LocaleProblem;

    /// <summary>
    /// A create-customer body. Paddle: <c>email</c> required; <c>name</c>, <c>locale</c>, <c>custom_data</c>; nothing
    /// else. /api/v1 (seed 003): <c>name</c> and <c>email</c> required; <c>phone</c>, <c>address</c>,
    /// <c>payment_method</c>, <c>status</c> (<c>active</c>, <c>inactive</c>, <c>suspended</c>), <c>custom_data</c>.
    /// </summary>
    internal static List<(string, string)> Customer(JsonObject body, EmulatorDialect dialect)
    {
        var problems = new List<(string, string)>();
        if (dialect == EmulatorDialect.Paddle)
        {
            OnlyMembers(body, ["email", "name", "locale", "custom_data"], problems);
            OptionalString(body, "name", 1024, problems);
            if (body.ContainsKey("locale") && LocaleProblem(body["locale"]) is { } locale)
            {
                problems.Add(("locale", locale));
            }
        }
        else
        {
            OnlyMembers(body, ["name", "email", "phone", "address", "payment_method", "status", "custom_data"], problems);
            RequiredString(body, "name", 1024, problems);
            OptionalString(body, "phone", 200, problems);
            OptionalString(body, "payment_method", 200, problems);
            if (body["status"] is { } status && !(status.GetValueKind() == JsonValueKind.String && (string)status! is "active" or "inactive" or "suspended"))
            {
                problems.Add(("status", "must be active, inactive or suspended"));
            }

            if (body["address"] is JsonObject address)
            {
                OnlyMembers(address, ["city", "country"], problems);
                OptionalString(address, "city", 200, problems);
                RequiredString(address, "country", 200, problems, "address.country"); // seed 003's own example sends "Tanzania"
            }
            else if (body["address"] is not null)
            {
                problems.Add(("address", "must be an object or null"));
            }
        }

        Email(body, problems);
        OptionalObject(body, "custom_data", problems);
        return problems;
    }

    /// <summary>
    /// A create-address body. Paddle: <c>country_code</c> required; <c>description</c>, <c>first_line</c>,
    /// <c>second_line</c>, <c>city</c>, <c>postal_code</c>, <c>region</c>, <c>custom_data</c>; nothing else. /api/v1
    /// (seed 000): <c>region</c>, <c>city</c>, <c>country</c> required; <c>description</c>, <c>custom_data</c>.
    /// </summary>
    internal static List<(string, string)> Address(JsonObject body, EmulatorDialect dialect)
    {
        var problems = new List<(string, string)>();
        if (dialect == EmulatorDialect.Paddle)
        {
            OnlyMembers(body, ["description", "first_line", "second_line", "city", "postal_code", "region", "country_code", "custom_data"], problems);
            Country(body, "country_code", problems, dialect: EmulatorDialect.Paddle);
            OptionalString(body, "region", 200, problems);
            OptionalString(body, "city", 200, problems);
            OptionalString(body, "first_line", 1024, problems);
            OptionalString(body, "second_line", 1024, problems);
            OptionalString(body, "postal_code", 200, problems);
        }
        else
        {
            OnlyMembers(body, ["region", "city", "country", "description", "custom_data"], problems);
            RequiredString(body, "region", 200, problems);
            RequiredString(body, "city", 200, problems);
            Country(body, "country", problems);
        }

        OptionalString(body, "description", 1024, problems);
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
