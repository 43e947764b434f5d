namespace CustomerAddresses.Client;

/// <summary>Why a webhook was refused.</summary>
public enum WebhookVerificationFailure
{
    /// <summary>The request has no <c>Paddle-Signature</c> header.</summary>
    MissingSignature = 1,

    /// <summary>The header is not <c>ts=&lt;unix seconds&gt;;h1=&lt;hex&gt;[;h1=…]</c>.</summary>
    MalformedSignature,

    /// <summary>The signature's time is further from now than the tolerance: a delayed or replayed request.</summary>
    OutsideTolerance,

    /// <summary>No <c>h1</c> of the header is the HMAC-SHA256 of <c>ts:body</c> with any of the secret keys: a forged or altered request.</summary>
    NoMatchingSignature,

    /// <summary>The signature is valid, but the body is not a Paddle event (<c>event_id</c>, <c>event_type</c>, <c>occurred_at</c>, <c>data</c>).</summary>
    MalformedPayload,
}
