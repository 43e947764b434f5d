using System.Globalization;
using System.Security.Cryptography;

namespace CustomerAddresses.Client;

/// <summary>
/// Verifies Paddle webhooks against the raw bytes of their body and reads them as typed events. Every <c>h1</c> of
/// the header is tried against every secret key (Paddle sends several while a key rotates), in constant time, and the
/// signature must be within the tolerance of now. Thread-safe; keep one.
/// </summary>
/// <example>
/// <code>
/// var verifier = new PaddleWebhookVerifier(new PaddleWebhookOptions { SecretKeys = { "pdl_ntfset_…" } });
/// PaddleWebhookEvent webhook = verifier.ReadEvent(rawBody, request.Headers["Paddle-Signature"]);
/// if (webhook is AddressWebhookEvent { EventType: PaddleWebhookEventTypes.AddressUpdated } updated) { … }
/// </code>
/// </example>
public sealed class PaddleWebhookVerifier
{
    private readonly string[] _secretKeys;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _time;

    /// <summary>Creates a verifier.</summary>
    /// <param name="options">The secret keys, the tolerance and the clock; copied, so later changes do not affect this verifier.</param>
    /// <exception cref="ArgumentException">No secret key is given, one is empty, or the tolerance is negative.</exception>
    public PaddleWebhookVerifier(PaddleWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _secretKeys = [.. options.SecretKeys];
        if (_secretKeys.Length == 0 || Array.Exists(_secretKeys, string.IsNullOrEmpty))
        {
            throw new ArgumentException("PaddleWebhookOptions.SecretKeys must hold at least one secret key, and no empty one.", nameof(options));
        }

        if (options.Tolerance < TimeSpan.Zero)
        {
            throw new ArgumentException("PaddleWebhookOptions.Tolerance must not be negative.", nameof(options));
        }

        _tolerance = options.Tolerance;
        _time = options.TimeProvider ?? throw new ArgumentException("PaddleWebhookOptions.TimeProvider must not be null.", nameof(options));
    }

    /// <summary>Checks that the body is signed by Paddle with one of the secret keys, within the tolerance.</summary>
    /// <param name="body">The raw bytes of the request body, exactly as received (never a re-serialized object).</param>
    /// <param name="signatureHeader">The value of the <c>Paddle-Signature</c> header, or <see langword="null"/> when absent.</param>
    /// <exception cref="WebhookVerificationException">It is not; <see cref="WebhookVerificationException.Failure"/> says why.</exception>
    public void Verify(ReadOnlySpan<byte> body, string? signatureHeader)
    {
        if (TryVerify(body, signatureHeader, out WebhookVerificationFailure? failure))
        {
            return;
        }

        throw new WebhookVerificationException(failure!.Value, failure switch
        {
            WebhookVerificationFailure.MissingSignature => "The webhook has no Paddle-Signature header.",
            WebhookVerificationFailure.MalformedSignature => "The Paddle-Signature header is not ts=<unix seconds>;h1=<hex>.",
            WebhookVerificationFailure.OutsideTolerance => $"The webhook's signature time is more than {_tolerance.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s from now: a delayed or replayed request.",
            _ => "No signature of the webhook matches its body with any of the secret keys.",
        });
    }

    /// <summary>Checks the signature without throwing.</summary>
    /// <param name="body">The raw bytes of the request body.</param>
    /// <param name="signatureHeader">The value of the <c>Paddle-Signature</c> header, or <see langword="null"/>.</param>
    /// <param name="failure">Why it was refused, or <see langword="null"/> when it verifies.</param>
    /// <returns><see langword="true"/> when the body is signed by Paddle within the tolerance.</returns>
    public bool TryVerify(ReadOnlySpan<byte> body, string? signatureHeader, out WebhookVerificationFailure? failure)
    {
        failure = Check(body, signatureHeader);
        return failure is null;
    }

    /// <summary>Verifies the webhook, then reads it as a typed event.</summary>
    /// <param name="body">The raw bytes of the request body.</param>
    /// <param name="signatureHeader">The value of the <c>Paddle-Signature</c> header, or <see langword="null"/>.</param>
    /// <returns>
    /// A <see cref="CustomerWebhookEvent"/>, an <see cref="AddressWebhookEvent"/>, a <see cref="BusinessWebhookEvent"/> or
    /// a <see cref="PaymentMethodWebhookEvent"/> for the events of a customer's graph
    /// (<see cref="PaddleWebhookEventTypes"/>), an <see cref="UnknownWebhookEvent"/> with the raw data for any other.
    /// </returns>
    /// <exception cref="WebhookVerificationException">The signature does not verify, or the body is not a Paddle event.</exception>
    public PaddleWebhookEvent ReadEvent(ReadOnlySpan<byte> body, string? signatureHeader)
    {
        Verify(body, signatureHeader);
        return PaddleWebhookEvent.Parse(body);
    }

    private WebhookVerificationFailure? Check(ReadOnlySpan<byte> body, string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return WebhookVerificationFailure.MissingSignature;
        }

        long? ts = null;
        var signatures = new List<byte[]>(2);
        foreach (string part in header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            string key = equals < 0 ? part : part[..equals];
            string value = equals < 0 ? string.Empty : part[(equals + 1)..];
            if (key == "ts" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds) && ts is null)
            {
                ts = seconds;
            }
            else if (key == "h1" && value.Length == 64 && TryHex(value, out byte[]? signature))
            {
                signatures.Add(signature);
            }
            else if (key is "ts" or "h1")
            {
                return WebhookVerificationFailure.MalformedSignature;
            }

            // Other keys (h2, …) are schemes of the future: ignored, as Paddle's SDKs do.
        }

        if (ts is not { } signedAt || signatures.Count == 0 || signedAt > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return WebhookVerificationFailure.MalformedSignature;
        }

        long now = _time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - signedAt) > (long)_tolerance.TotalSeconds)
        {
            return WebhookVerificationFailure.OutsideTolerance;
        }

        bool matched = false;
        foreach (string secretKey in _secretKeys)
        {
            byte[] expected = PaddleWebhookSigner.Hmac(body, secretKey, signedAt);
            foreach (byte[] signature in signatures)
            {
                matched |= CryptographicOperations.FixedTimeEquals(expected, signature); // no early exit: the time does not tell which matched
            }
        }

        return matched ? null : WebhookVerificationFailure.NoMatchingSignature;
    }

    private static bool TryHex(string text, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromHexString(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
