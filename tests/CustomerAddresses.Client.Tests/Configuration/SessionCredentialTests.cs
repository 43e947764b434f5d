using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Diagnostics;

namespace CustomerAddresses.Client.Tests.Configuration;

/// <summary>The session token moves only forward, whatever order the answers of concurrent calls arrive in.</summary>
public sealed class SessionCredentialTests
{
    private readonly List<string> _rotations = [];
    private readonly SecretRedactor _redactor = new("t0");

    private SessionCredential Credential(string? initial = "t0") => new(initial, _redactor, _rotations.Add);

    [Fact]
    public void An_answer_to_a_request_that_carried_the_current_token_moves_it_on_and_masks_the_new_one()
    {
        SessionCredential session = Credential();

        Assert.True(session.TryRotate("t1", sentWith: "t0"));

        Assert.Equal("t1", session.Current);
        Assert.Equal(["t1"], _rotations);
        Assert.Equal("*** ***", _redactor.Redact("t0 t1"));
    }

    [Fact]
    public void A_late_answer_to_an_older_request_never_moves_the_session_back()
    {
        SessionCredential session = Credential();
        session.TryRotate("t1", sentWith: "t0");
        session.TryRotate("t2", sentWith: "t1");

        // The answer that rotated t0 to t1, or another from the t0 era, arrives last.
        Assert.False(session.TryRotate("t1", sentWith: "t0"));
        Assert.False(session.TryRotate("t1b", sentWith: "t0"));

        Assert.Equal("t2", session.Current);
        Assert.Equal(["t1", "t2"], _rotations);
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

        Assert.False(session.TryRotate(token, sentWith: "t0"));
        Assert.Equal("t0", session.Current);
        Assert.Empty(_rotations);
    }

    [Fact]
    public async Task Concurrent_answers_adopt_each_token_once()
    {
        SessionCredential session = Credential();

        bool[] adopted = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => session.TryRotate("t1", sentWith: "t0"))));

        Assert.Single(adopted, a => a);
        Assert.Equal(["t1"], _rotations);
    }
}
