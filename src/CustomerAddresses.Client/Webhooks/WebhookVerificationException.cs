namespace CustomerAddresses.Client;

/// <summary>
/// A webhook was refused: it is not signed by Paddle with one of the secret keys, is too old, or is not an event. The
/// message never contains a secret key, a signature or the body.
/// </summary>
public sealed class WebhookVerificationException : Exception
{
    /// <summary>Initializes an instance.</summary>
    /// <param name="failure">Why the webhook was refused.</param>
    /// <param name="message">What went wrong, without secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public WebhookVerificationException(WebhookVerificationFailure failure, string message, Exception? innerException = null)
        : base(message, innerException) => Failure = failure;

    /// <summary>Gets why the webhook was refused.</summary>
    public WebhookVerificationFailure Failure { get; }

    /// <summary>
    /// Gets whether the sender is not proved to be Paddle (answer 401), rather than a request that is not a webhook at
    /// all (answer 400).
    /// </summary>
    public bool IsUnauthenticated => Failure is WebhookVerificationFailure.OutsideTolerance or WebhookVerificationFailure.NoMatchingSignature;
}
