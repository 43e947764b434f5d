using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Primitives;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.Core;

/// <summary>The argument checks every resource shares; each failure is an <see cref="ArgumentException"/> naming the member, before any request.</summary>
internal static class RequestChecks
{
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
    internal static void CustomData(JsonObject? data, string name)
    {
        if (data is null)
        {
            return;
        }

        var pending = new Stack<(JsonNode Node, int Depth)>();
        pending.Push((data, 1));
        while (pending.TryPop(out var entry))
        {
            if (entry.Depth > MaxCustomDataDepth)
            {
                throw new ArgumentException($"{name} nests deeper than {MaxCustomDataDepth} levels.", name);
            }

            IEnumerable<JsonNode?> children = entry.Node switch
            {
                JsonObject obj => obj.Select(member => member.Value),
                JsonArray array => array,
                _ => [],
            };
            foreach (JsonNode? child in children)
            {
                if (child is JsonObject or JsonArray)
                {
                    pending.Push((child, entry.Depth + 1));
                }
            }
        }

        try
        {
            using var writer = new Utf8JsonWriter(Stream.Null);
            data.WriteTo(writer, SharedJsonContext.Default.Options);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException or JsonException)
        {
            throw new ArgumentException($"{name} holds a value JSON cannot express or this client cannot write (NaN, infinity, or a .NET type without JSON metadata).", name, e);
        }
    }

    /// <summary>A member the chosen dialect does not define is refused, never dropped and never sent to be refused.</summary>
    internal static void Undefined<T>(T? value, string name, WireDialect dialect) => Undefined(value is not null, name, dialect);

    /// <summary>The same for a member that is sent when <paramref name="specified"/>, such as a <see cref="Patch{T}"/> set to clear.</summary>
    internal static void Undefined(bool specified, string name, WireDialect dialect)
    {
        if (specified)
        {
            throw new ArgumentException($"{name} is not part of the {dialect.Name} API this client speaks (Dialect = {dialect.Kind}); leave it null.", name);
        }
    }

    /// <summary>
    /// An email address in the shape every server requires: something before and after its last <c>@</c>, and no white
    /// space or control character outside a quoted local part (<c>"jo brown"@example.com</c> is an address). The finer
    /// rules differ between servers and are theirs to apply; the value is never quoted (it is personal data).
    /// </summary>
    internal static void Email(string? value, string name)
    {
        Required(value, name);
        int at = value!.LastIndexOf('@');
        if (at < 0)
        {
            throw new ArgumentException($"{name} must be an email address (it has no '@').", name);
        }

        if (at == 0 || at == value.Length - 1)
        {
            throw new ArgumentException($"{name} must be an email address: a local part, '@', and a domain (one of them is empty).", name);
        }

        ReadOnlySpan<char> local = value.AsSpan(0, at);
        bool quoted = local.Length >= 2 && local[0] == '"' && local[^1] == '"';
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsControl(c) || (char.IsWhiteSpace(c) && !(quoted && i < at)))
            {
                throw new ArgumentException($"{name} must be an email address without white space or control characters.", name);
            }
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

    /// <summary>Requests carry two upper-case letters that ISO 3166-1 assigns to a country (or XK, Kosovo).</summary>
    internal static void Alpha2(CountryCode country, string name)
    {
        string value = country.Value;
        if (!country.IsIsoAlpha2)
        {
            string shown = value.Length is > 0 and <= 32 ? $" (it is {Echo.Quote(value)})" : string.Empty;
            string what = value.Length == 2 && char.IsAsciiLetterUpper(value[0]) && char.IsAsciiLetterUpper(value[1])
                ? "an ISO 3166-1 alpha-2 country code that ISO assigns to a country"
                : "a two-letter upper-case ISO 3166-1 alpha-2 country code";
            throw new ArgumentException($"{name} must be {what}, such as 'US'{shown}.", name);
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
