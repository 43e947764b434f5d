using System.Text.Json.Serialization;

namespace CustomerAddresses.Client;

/// <summary>Where an imported entity came from.</summary>
public sealed record ImportMeta
{
    /// <summary>Gets the entity's id at the provider it was imported from, if known.</summary>
    [JsonPropertyName("external_id")]
    public string? ExternalId { get; init; }

    /// <summary>Gets the name of the platform or provider it was imported from, such as <c>paddle_classic</c>.</summary>
    [JsonPropertyName("imported_from")]
    public string? ImportedFrom { get; init; }
}
