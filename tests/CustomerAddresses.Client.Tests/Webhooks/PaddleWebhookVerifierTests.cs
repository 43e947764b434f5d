using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace CustomerAddresses.Client.Tests.Webhooks;

/// <summary>
/// The verifier against the signed examples of Paddle's official Node SDK tests (secret <c>VALID_SECRET</c>, signed at
/// 2023-11-01T00:00:00Z), then rotation, tolerance on a fake clock, tampering and malformed headers.
/// </summary>
public sealed class PaddleWebhookVerifierTests
{
    private const string Secret = "VALID_SECRET";
    private const string Body = """{"data": ["1", "2"]}""";
    private const string Signature = "ts=1698796800;h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9";
    private const string MultipleHashes = "ts=1698796800;h1=28981e941fae76e53db32f3d2a83cb69db41476595e84e1970a1b5d98f62b261;h1=28981e941fae76e53db32f3d2a83cb69db41476595e84e1970a1b5d98f62b261;h2=RANDOM_HASH";
    private static readonly DateTimeOffset s_signedAt = new(2023, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static PaddleWebhookVerifier Verifier(FakeTimeProvider clock, params string[] secrets)
    {
        var options = new PaddleWebhookOptions { TimeProvider = clock };
        foreach (string secret in secrets)
        {
            options.SecretKeys.Add(secret);
        }

        return new PaddleWebhookVerifier(options);
    }

    private static WebhookVerificationFailure? Failure(PaddleWebhookVerifier verifier, string body, string? header)
    {
        verifier.TryVerify(Encoding.UTF8.GetBytes(body), header, out WebhookVerificationFailure? failure);
        return failure;
    }

    [Theory]
    [InlineData(Body, Signature, Secret, null)] // Paddle's "Valid signature"
    [InlineData("""{"data": "value"}""", MultipleHashes, Secret, null)] // "Valid signature with multiple hashes"
    [InlineData(Body, Signature, "INVALID_VALID_SECRET", WebhookVerificationFailure.NoMatchingSignature)] // "Invalid secret"
    [InlineData(Body, "ts=9876;h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9", Secret, WebhookVerificationFailure.OutsideTolerance)] // "Invalid timestamp"
    [InlineData("""{ "data": [ "1", "2" ]}""", Signature, Secret, WebhookVerificationFailure.NoMatchingSignature)] // "Invalid data - has more space"
    [InlineData(Body, "ts=1234;h1=invalid_signature", Secret, WebhookVerificationFailure.MalformedSignature)] // "Invalid signature"
    public void Paddles_own_signed_examples(string body, string header, string secret, WebhookVerificationFailure? expected)
    {
        Assert.Equal(expected, Failure(Verifier(new FakeTimeProvider(s_signedAt), secret), body, header));
    }

    [Theory]
    [InlineData(null, WebhookVerificationFailure.MissingSignature)]
    [InlineData("", WebhookVerificationFailure.MissingSignature)]
    [InlineData("invalid_header", WebhookVerificationFailure.MalformedSignature)] // Paddle's "Missing TS and H1"
    [InlineData("h1=invalid_header", WebhookVerificationFailure.MalformedSignature)] // "Missing TS"
    [InlineData("ts=1234;h2=invalid_header", WebhookVerificationFailure.MalformedSignature)] // "Missing H1"
    [InlineData("ts=;h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9", WebhookVerificationFailure.MalformedSignature)]
    [InlineData("ts=-5;h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9", WebhookVerificationFailure.MalformedSignature)]
    [InlineData("ts=99999999999999999999;h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9", WebhookVerificationFailure.MalformedSignature)]
    public void A_missing_or_malformed_header_is_refused_as_such(string? header, WebhookVerificationFailure expected)
    {
        Assert.Equal(expected, Failure(Verifier(new FakeTimeProvider(s_signedAt), Secret), Body, header));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, null)]
    [InlineData(5, null)] // Paddle's "max allowed time at 5 seconds"
    [InlineData(6, WebhookVerificationFailure.OutsideTolerance)] // "more than 5 seconds"
    [InlineData(4 * 24 * 3600, WebhookVerificationFailure.OutsideTolerance)] // "more than a few days"
    [InlineData(-5, null)]
    [InlineData(-6, WebhookVerificationFailure.OutsideTolerance)] // signed in the future: a skewed or forged clock
    public void The_tolerance_is_five_seconds_either_way_on_the_given_clock(int secondsAfterSigning, WebhookVerificationFailure? expected)
    {
        var clock = new FakeTimeProvider(s_signedAt.AddSeconds(secondsAfterSigning));

        Assert.Equal(expected, Failure(Verifier(clock, Secret), Body, Signature));
    }

    [Fact]
    public void The_tolerance_can_be_widened()
    {
        var options = new PaddleWebhookOptions { SecretKeys = { Secret }, Tolerance = TimeSpan.FromMinutes(5), TimeProvider = new FakeTimeProvider(s_signedAt.AddMinutes(4)) };

        Assert.Null(Failure(new PaddleWebhookVerifier(options), Body, Signature));
    }

    [Fact]
    public void During_a_key_rotation_either_key_verifies_and_every_h1_is_tried()
    {
        var clock = new FakeTimeProvider(s_signedAt);
        byte[] body = Encoding.UTF8.GetBytes(Body);
        string oldSigned = PaddleWebhookSigner.Sign(body, "pdl_ntfset_old", s_signedAt);
        string newSigned = PaddleWebhookSigner.Sign(body, "pdl_ntfset_new", s_signedAt);
        string both = $"{oldSigned};{newSigned["ts=1698796800;".Length..]}"; // what Paddle sends while a key rotates

        Assert.Null(Failure(Verifier(clock, "pdl_ntfset_new"), Body, both)); // the new key matches the second h1
        Assert.Null(Failure(Verifier(clock, "pdl_ntfset_old"), Body, both)); // the old key matches the first
        Assert.Null(Failure(Verifier(clock, "pdl_ntfset_old", "pdl_ntfset_new"), Body, newSigned));
        Assert.Null(Failure(Verifier(clock, "pdl_ntfset_old", "pdl_ntfset_new"), Body, oldSigned));
        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, Failure(Verifier(clock, "pdl_ntfset_other"), Body, both));
    }

    [Fact]
    public void The_signer_makes_exactly_paddles_signature()
    {
        Assert.Equal(Signature, PaddleWebhookSigner.Sign(Encoding.UTF8.GetBytes(Body), Secret, s_signedAt.AddMilliseconds(999)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(19)]
    public void Changing_any_byte_of_the_body_breaks_the_signature(int index)
    {
        byte[] tampered = Encoding.UTF8.GetBytes(Body);
        tampered[index] ^= 0x01;

        Assert.False(Verifier(new FakeTimeProvider(s_signedAt), Secret).TryVerify(tampered, Signature, out WebhookVerificationFailure? failure));
        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, failure);
    }

    [Fact]
    public void A_refusal_names_the_reason_and_never_the_secret_or_the_signature()
    {
        var verifier = Verifier(new FakeTimeProvider(s_signedAt), "pdl_ntfset_01hsecretsecretsecret");

        var refused = Assert.Throws<WebhookVerificationException>(() => verifier.Verify(Encoding.UTF8.GetBytes(Body), Signature));

        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, refused.Failure);
        Assert.True(refused.IsUnauthenticated);
        Assert.DoesNotContain("pdl_ntfset", refused.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("a300428748", refused.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("pdl_ntfset", verifier.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_without_a_secret_are_refused_before_any_webhook()
    {
        Assert.Throws<ArgumentException>(() => new PaddleWebhookVerifier(new PaddleWebhookOptions()));
        Assert.Throws<ArgumentException>(() => new PaddleWebhookVerifier(new PaddleWebhookOptions { SecretKeys = { "" } }));
        Assert.Throws<ArgumentException>(() => new PaddleWebhookVerifier(new PaddleWebhookOptions { SecretKeys = { Secret }, Tolerance = TimeSpan.FromSeconds(-1) }));
    }
}
