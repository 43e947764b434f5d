using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client;

/// <summary>
/// The body of <see cref="CustomersClient.UpdateAsync(CustomerId, UpdateCustomerRequest, CancellationToken)"/>: every member is optional, and only those you set are sent.
/// A <see cref="Patch{T}"/> member has three states: leave it out to keep the server's value, set it to a value, or
/// set it to <see langword="null"/> to clear it.
/// </summary>
public sealed record UpdateCustomerRequest
{
    /// <summary>Gets the new name; <see langword="null"/> clears it.</summary>
    [JsonPropertyName("name")]
    [JsonConverter(typeof(PatchStringJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Patch<string> Name { get; init; }

    /// <summary>Gets the new email address; left <see langword="null"/>, the email is kept (it cannot be cleared).</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>Gets the new locale, such as <c>en</c> (Paddle only); left <see langword="null"/>, it is kept.</summary>
    [JsonPropertyName("locale")]
    public string? Locale { get; init; }

    /// <summary>Gets the new custom data, which replaces the old as a whole; <see langword="null"/> clears it.</summary>
    [JsonPropertyName("custom_data")]
    [JsonConverter(typeof(PatchJsonObjectJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Patch<JsonObject> CustomData { get; init; }

    /// <summary>Gets the new status; <see cref="CustomersClient.ArchiveAsync(CustomerId, CancellationToken)"/> sets <see cref="CustomerStatus.Archived"/>.</summary>
    [JsonPropertyName("status")]
    public CustomerStatus? Status { get; init; }

    /// <summary>Writes the members that carry no personal data; read the properties for the rest.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Name = {Name}, CustomData = {CustomData}, Status = {Status}, Locale = {Locale}, (email not shown)");
        return true;
    }
}
