using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using CustomerAddresses.Client.Sessions;
using CustomerAddresses.Client.Diagnostics;

namespace CustomerAddresses.Client.Tests.Sessions;

/// <summary>
/// The session token moves only forward, whatever order the answers of concurrent calls arrive in: by <c>iat</c> (then
/// <c>exp</c>) for JWTs, by first sight for opaque tokens; a token seen once is never adopted again.
/// </summary>
public sealed class SessionCredentialTests
{
    private readonly ConcurrentQueue<string> _rotations = new();
    private readonly SecretRedactor _redactor = new();

    private SessionCredential Credential(string? initial = "t0") => new(initial, _redactor, _rotations.Enqueue);

    /// <summary>A JWT (unsigned for the test: the client never checks signatures) with the given claims.</summary>
    internal static string Jwt(decimal issuedAt, decimal? expiresAt = null, string extra = "")
    {
        string claims = "{\"iat\":" + issuedAt.ToString(CultureInfo.InvariantCulture)
            + (expiresAt is { } exp ? ",\"exp\":" + exp.ToString(CultureInfo.InvariantCulture) : string.Empty) + extra + "}";
        return "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9." + Convert.ToBase64String(Encoding.UTF8.GetBytes(claims)).TrimEnd('=').Replace('+', '-').Replace('/', '_') + ".c2ln";
    }

    [Fact]
    public void A_token_never_seen_before_is_adopted_masked_and_handed_over()
    {
        SessionCredential session = Credential();

        Assert.True(session.TryRotate("t1"));

        Assert.Equal("t1", session.Current);
        Assert.Equal(["t1"], _rotations);
        Assert.Equal("*** ***", _redactor.Redact("t0 t1"));
    }

    [Fact]
    public void An_opaque_token_seen_before_is_never_adopted_again()
    {
        SessionCredential session = Credential();
        session.TryRotate("t1");
        session.TryRotate("t2");

        // A late answer carrying t1, or the first token, arrives last.
        Assert.False(session.TryRotate("t1"));
        Assert.False(session.TryRotate("t0"));
        Assert.False(session.TryRotate("t2"));

        Assert.Equal("t2", session.Current);
        Assert.Equal(["t1", "t2"], _rotations);
    }

    [Fact]
    public void A_newer_token_from_an_answer_to_a_request_sent_with_an_older_one_is_adopted()
    {
        // Two requests left with t0; the server rotated t0 to X on the first and X to Y on the second. The answer with
        // X arrives first: the answer with Y, though sent with t0, is still newer (the rule that lost calls under load).
        SessionCredential session = Credential(Jwt(100));

        Assert.True(session.TryRotate(Jwt(101)));
        Assert.True(session.TryRotate(Jwt(102)));

        Assert.Equal(Jwt(102), session.Current);
    }

    [Fact]
    public void A_jwt_issued_before_the_current_one_is_refused_though_never_seen()
    {
        SessionCredential session = Credential(Jwt(100));
        session.TryRotate(Jwt(300));

        Assert.False(session.TryRotate(Jwt(200)));
        Assert.True(session.TryRotate("opaque-but-new"));
        Assert.False(session.TryRotate(Jwt(250))); // after an opaque token, a JWT still may not go back before the newest one

        Assert.Equal([Jwt(300), "opaque-but-new"], _rotations);
    }

    [Fact]
    public void Between_jwts_issued_in_the_same_second_the_later_expiry_is_newer_and_a_full_tie_goes_by_first_sight()
    {
        SessionCredential session = Credential(Jwt(100, 500));

        Assert.False(session.TryRotate(Jwt(100, 400)));
        Assert.True(session.TryRotate(Jwt(100, 600)));
        Assert.True(session.TryRotate(Jwt(100, 600, ",\"jti\":\"b\"")));

        Assert.Equal(Jwt(100, 600, ",\"jti\":\"b\""), session.Current);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("t0")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    public void A_token_that_is_not_a_new_cookie_value_changes_nothing(string? token)
    {
        SessionCredential session = Credential();

        Assert.False(session.TryRotate(token));
        Assert.Equal("t0", session.Current);
        Assert.Empty(_rotations);
    }

    [Fact]
    public void A_client_without_a_session_adopts_none()
    {
        SessionCredential session = Credential(initial: null);

        Assert.False(session.TryRotate("t1"));
        Assert.Null(session.Current);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Jwts_arriving_in_any_order_from_32_threads_end_on_the_newest_and_never_step_back(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 40; round++)
        {
            int count = random.Next(2, 200);
            var rotations = new ConcurrentQueue<string>();
            var session = new SessionCredential(Jwt(0), new SecretRedactor(), rotations.Enqueue);
            string[] tokens = [.. Enumerable.Range(1, count).Select(i => Jwt(i)).OrderBy(_ => random.Next())];

            Parallel.ForEach(tokens, new ParallelOptions { MaxDegreeOfParallelism = 32 }, token => session.TryRotate(token));

            Assert.Equal(Jwt(count), session.Current);
            Assert.Equal(Jwt(count), rotations.Last());
            decimal[] handedOver = [.. rotations.Select(IssuedAt)];
            Assert.Equal(handedOver.Order(), handedOver); // the caller's store only moves forward
            Assert.Equal(handedOver.Distinct(), handedOver);
        }
    }

    [Fact]
    public async Task A_refused_call_waits_for_the_rotation_an_earlier_request_brings()
    {
        SessionCredential session = Credential();
        long rotating = session.Sending();   // on the wire: the server rotates on it
        long refused = session.Sending();    // on the wire: the server refuses it, and answers it first
        session.Answered(refused);

        Task<bool> waiting = session.WaitForNewerAsync("t0", CancellationToken.None);
        await Task.Delay(20);
        Assert.False(waiting.IsCompleted);

        session.TryRotate("t1");
        session.Answered(rotating);

        Assert.True(await waiting);
    }

    [Fact]
    public async Task A_refusal_stands_once_every_earlier_request_is_answered_without_a_new_token()
    {
        SessionCredential session = Credential();
        long earlier = session.Sending();
        long refused = session.Sending();
        session.Answered(refused);

        Task<bool> waiting = session.WaitForNewerAsync("t0", CancellationToken.None);
        long later = session.Sending(); // sent after the refusal: not waited for
        session.Answered(earlier);

        Assert.False(await waiting);
        session.Answered(later);
    }

    [Fact]
    public async Task A_refusal_with_nothing_else_on_the_wire_stands_at_once_and_one_with_a_newer_token_resends_at_once()
    {
        SessionCredential session = Credential();

        Assert.False(await session.WaitForNewerAsync("t0", CancellationToken.None));
        session.TryRotate("t1");
        Assert.True(await session.WaitForNewerAsync("t0", CancellationToken.None));
    }

    [Fact]
    public async Task Waiting_ends_with_the_callers_cancellation()
    {
        SessionCredential session = Credential();
        session.Sending();
        using var cancel = new CancellationTokenSource();

        Task<bool> waiting = session.WaitForNewerAsync("t0", cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    private static decimal IssuedAt(string token)
    {
        string payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload += new string('=', (4 - (payload.Length % 4)) % 4);
        string json = Encoding.UTF8.GetString(Convert.FromBase64String(payload));
        return System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("iat").GetDecimal();
    }
}
