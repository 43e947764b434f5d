using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client.Webhooks;

/// <summary>
/// Reads an item of the events list as the webhook verifier reads a webhook (<see cref="PaddleWebhookEvent.From"/>): the
/// same envelope, the same typed events. Events are only read; nothing sends one.
/// </summary>
internal sealed class PaddleEventJsonConverter : JsonConverter<PaddleWebhookEvent>
{
    public override PaddleWebhookEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PaddleWebhookEvent.From(JsonSerializer.Deserialize(ref reader, WebhooksJsonContext.Default.WebhookEnvelope)
            ?? throw new JsonException("An event is null."));

    public override void Write(Utf8JsonWriter writer, PaddleWebhookEvent value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Events are read, never written.");
}
