namespace CustomerAddresses.Client.Testing;

/// <summary>One attempt to deliver a webhook to a destination: a notification setting, made with <c>POST /notification-settings</c> or <see cref="CustomerAddressesEmulator.AddWebhookDestination(Uri)"/>.</summary>
/// <param name="Destination">Where it was sent.</param>
/// <param name="EventId">The event's id (<c>evt_</c>).</param>
/// <param name="EventType">The event type, such as <c>address.updated</c>.</param>
/// <param name="NotificationId">The notification's id (<c>ntf_</c>): the same on every attempt of one delivery.</param>
/// <param name="Attempt">1 for the first attempt, 2 for the first retry, and so on.</param>
/// <param name="StatusCode">The destination's answer, or <see langword="null"/> when there was none within 5 seconds (or the connection failed).</param>
/// <param name="SentAt">When the attempt was made, on the emulator's clock.</param>
public sealed record WebhookDelivery(Uri Destination, string EventId, string EventType, string NotificationId, int Attempt, int? StatusCode, DateTimeOffset SentAt)
{
    /// <summary>Gets whether the destination answered 2xx, which ends the retries.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
