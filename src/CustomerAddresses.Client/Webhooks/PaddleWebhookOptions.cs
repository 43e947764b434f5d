namespace CustomerAddresses.Client;

/// <summary>How <see cref="PaddleWebhookVerifier"/> checks the <c>Paddle-Signature</c> of a webhook.</summary>
public sealed class PaddleWebhookOptions
{
    /// <summary>
    /// Gets the secret keys of the notification destination (<c>pdl_ntfset_…</c>). Give two while a key is being rotated:
    /// a signature made with either verifies. At least one is required.
    /// </summary>
    public IList<string> SecretKeys { get; } = [];

    /// <summary>
    /// Gets or sets how far the signature's <c>ts</c> may be from now, either way. Defaults to 5 seconds, as Paddle's
    /// SDKs use; an older signature is refused as a possible replay.
    /// </summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the clock the tolerance is measured on. Defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
