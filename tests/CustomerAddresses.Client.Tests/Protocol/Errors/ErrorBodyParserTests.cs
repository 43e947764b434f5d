using System.Text;
using System.Text.Json;
using CustomerAddresses.Client.Diagnostics;
using CustomerAddresses.Client.Protocol.Errors;

namespace CustomerAddresses.Client.Tests.Protocol.Errors;

/// <summary>Each error dialect parsed on its own, and redaction applied once to everything a server can say.</summary>
public sealed class ErrorBodyParserTests
{
    private static ParsedError Parse(string body) => ErrorBodyParser.Parse(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Paddles_envelope()
    {
        ParsedError error = Parse("""
            {"error":{"type":"request_error","code":"invalid_field","detail":"Invalid request.","documentation_url":"https://developer.paddle.com/v1/errors/shared/invalid_field",
             "errors":[{"field":"email","message":"must be an email"}]},"meta":{"request_id":"a1b2"}}
            """);

        Assert.Equal(new ParsedError(true, "request_error", "invalid_field", "Invalid request.", "https://developer.paddle.com/v1/errors/shared/invalid_field", error.Fields, "a1b2"), error);
        Assert.Equal(new ApiFieldError("email", "must be an email"), Assert.Single(error.Fields));
    }

    [Fact]
    public void The_flat_form_with_a_string_error()
    {
        ParsedError error = Parse("""{"error":"rate_limited","message":"slow down"}""");

        Assert.Equal("rate_limited", error.Code);
        Assert.Equal("slow down", error.Detail);
    }

    [Fact]
    public void Wachts_envelope_with_upper_snake_codes_and_no_field()
    {
        ParsedError error = Parse("""{"status":400,"message":"Validation failed","data":null,"errors":[{"code":"INVALID_COUNTRY","message":"country must be ISO alpha-2"}]}""");

        Assert.Equal("Validation failed", error.Detail);
        Assert.Equal(new ApiFieldError(null, "country must be ISO alpha-2", "INVALID_COUNTRY"), Assert.Single(error.Fields));
    }

    [Fact]
    public void RFC_7807_problem_details_with_a_field_map()
    {
        ParsedError error = Parse("""{"type":"about:blank","title":"Bad Request","status":400,"errors":{"email":["is invalid","is taken"]}}""");

        Assert.Equal("Bad Request", error.Detail);
        Assert.Equal(["is invalid", "is taken"], error.Fields.Select(f => f.Message));
        Assert.All(error.Fields, f => Assert.Equal("email", f.Field));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("{\"error\":")]
    public void A_body_that_is_not_JSON_says_so(string body)
    {
        Assert.False(Parse(body).IsJson);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public void JSON_that_is_not_an_object_names_nothing(string body)
    {
        Assert.Equal(ParsedError.EmptyJson, Parse(body));
    }

    [Fact]
    public void Redaction_reaches_every_text_member_so_a_member_added_later_cannot_leak()
    {
        const string secret = "pdl_sdbx_apikey_01hsecretsecretsecret";
        var error = new ParsedError(true, secret, secret, secret, secret, [new ApiFieldError(secret, secret, secret)], secret);

        ParsedError redacted = error.Redact(new SecretRedactor(secret));

        // Every string and every field error the record holds, found by reflection, is checked.
        foreach (var property in typeof(ParsedError).GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            object? value = property.GetValue(redacted);
            IEnumerable<string?> texts = value switch
            {
                string s => [s],
                IEnumerable<ApiFieldError> fields => fields.SelectMany(f => new[] { f.Field, f.Message, f.Code }),
                _ => [],
            };
            Assert.All(texts, t => Assert.DoesNotContain(secret, t ?? string.Empty, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("""{"error":{"code":"not_found"}}""", "paddle")]
    [InlineData("""{"error":"not_found","message":"m"}""", "flat")]
    [InlineData("""{"status":404,"message":"Insufficient permissions","data":null,"errors":null}""", "envelope")]
    [InlineData("""{"status":400,"errors":[{"code":"X","message":"m"}]}""", "envelope")]
    [InlineData("""{"type":"about:blank","title":"Not Found","status":404}""", "none")]
    [InlineData("""{"message":"Deployment not found"}""", "none")]
    [InlineData("""{"type":"about:blank","title":"Bad Request","status":400,"errors":{"email":["is invalid"]}}""", "none")]
    public void Each_dialect_claims_only_its_own_bodies(string body, string claimant)
    {
        JsonElement root = JsonDocument.Parse(body).RootElement;

        Assert.Equal(claimant == "paddle", PaddleErrorParser.TryParse(root, out _));
        Assert.Equal(claimant == "flat", FlatErrorParser.TryParse(root, out _));
        Assert.Equal(claimant == "envelope", EnvelopeErrorParser.TryParse(root, out _));
        Assert.True(ProblemDetailsParser.Parse(root).IsJson); // the last resort reads anything
    }

    [Fact]
    public void The_last_resort_reads_a_bare_message()
    {
        Assert.Equal("Deployment not found", Parse("""{"message":"Deployment not found"}""").Detail);
    }
}
