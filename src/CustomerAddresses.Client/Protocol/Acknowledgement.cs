using System.Text.Json.Serialization;

namespace CustomerAddresses.Client.Protocol;

/// <summary>What an operation without a resource answers, such as a delete's <c>{"success":true}</c>; an empty body is one too.</summary>
internal sealed class Acknowledgement
{
    internal static Acknowledgement Empty { get; } = new();

    [JsonPropertyName("success")]
    public bool? Success { get; init; }
}
