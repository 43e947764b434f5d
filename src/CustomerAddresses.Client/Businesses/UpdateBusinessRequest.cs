using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client;

/// <summary>
/// The body of <see cref="BusinessesClient.UpdateAsync(CustomerId, BusinessId, UpdateBusinessRequest, CancellationToken)"/>:
/// Paddle's <c>business-update</c>. Every member is optional, and only those you set are sent. A <see cref="Patch{T}"/>
/// member has three states: leave it out to keep the server's value, set it to a value, or set it to
/// <see langword="null"/> to clear it.
/// </summary>
public sealed record UpdateBusinessRequest
{
    /// <summary>Gets the new name (1 to 1,024 characters); left <see langword="null"/>, it is kept (a business always has one).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the new company number; <see langword="null"/> clears it.</summary>
    [JsonPropertyName("company_number")]
    [JsonConverter(typeof(PatchStringJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Patch<string> CompanyNumber { get; init; }

    /// <summary>Gets the new tax or VAT number; <see langword="null"/> clears it.</summary>
    [JsonPropertyName("tax_identifier")]
    [JsonConverter(typeof(PatchStringJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Patch<string> TaxIdentifier { get; init; }

    /// <summary>Gets the new contacts, which replace the old as a whole (an empty list removes them all); left <see langword="null"/>, they are kept.</summary>
    [JsonPropertyName("contacts")]
    public IReadOnlyList<BusinessContact>? Contacts { get; init; }

    /// <summary>Gets the new custom data, which replaces the old as a whole; <see langword="null"/> clears it.</summary>
    [JsonPropertyName("custom_data")]
    [JsonConverter(typeof(PatchJsonObjectJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Patch<JsonObject> CustomData { get; init; }

    /// <summary>Gets the new status; <see cref="BusinessesClient.ArchiveAsync(CustomerId, BusinessId, CancellationToken)"/> sets <see cref="BusinessStatus.Archived"/>.</summary>
    [JsonPropertyName("status")]
    public BusinessStatus? Status { get; init; }

    /// <summary>Writes the members that carry no personal data; read the properties for the rest.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Status = {Status}, Contacts = {Contacts?.Count}, (name, numbers, contacts and custom data not shown)");
        return true;
    }
}
