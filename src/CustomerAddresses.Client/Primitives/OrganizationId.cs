using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client;

/// <summary>
/// The id of an organization. The API documents no prefix, so any non-empty run of letters, digits, <c>_</c> or <c>-</c> is accepted.
/// </summary>
/// <remarks>
/// A value can only be obtained from <see cref="Parse(string)"/>, <see cref="TryParse(string?, out OrganizationId)"/> or a
/// server response, so every instance is safe to place in a URL path. <c>default(OrganizationId)</c> is refused by every
/// client method.
/// </remarks>
[JsonConverter(typeof(TypedIdJsonConverter<OrganizationId>))]
public readonly record struct OrganizationId : ITypedId<OrganizationId>, IParsable<OrganizationId>
{
    private static readonly string[] s_prefixes = [];
    private readonly string? _value;

    private OrganizationId(string value) => _value = value;

    /// <summary>Gets the raw id exactly as the API uses it; empty for a default instance.</summary>
    public string Value => _value ?? string.Empty;

    static string ITypedId<OrganizationId>.Description => "organization id";

    /// <summary>Parses a raw id.</summary>
    /// <param name="value">The raw id.</param>
    /// <returns>The typed id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid organization id.</exception>
    public static OrganizationId Parse(string value) => TypedId.Parse<OrganizationId>(value, nameof(value));

    /// <summary>Parses a raw id; the format provider is ignored.</summary>
    /// <param name="s">The raw id.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The typed id.</returns>
    /// <exception cref="ArgumentException"><paramref name="s"/> is not a valid organization id.</exception>
    public static OrganizationId Parse(string s, IFormatProvider? provider) => TypedId.Parse<OrganizationId>(s, nameof(s));

    /// <summary>Tries to parse a raw id.</summary>
    /// <param name="value">The raw id.</param>
    /// <param name="result">The typed id when the value is valid; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is a valid organization id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out OrganizationId result) => TypedId.TryParse(value, out result);

    /// <summary>Tries to parse a raw id; the format provider is ignored.</summary>
    /// <param name="s">The raw id.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The typed id when the value is valid; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid organization id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out OrganizationId result) => TypedId.TryParse(s, out result);

    /// <summary>Returns the raw id.</summary>
    /// <returns>The same as <see cref="Value"/>.</returns>
    public override string ToString() => Value;

    static OrganizationId ITypedId<OrganizationId>.FromValidated(string value) => new(value);

    static string? ITypedId<OrganizationId>.Validate(string? value) => TypedId.Validate(value, s_prefixes);
}
