using System.Net;
using CustomerAddresses.Client.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.Tests.Errors;

/// <summary>Every documented error status becomes its own exception, with what the server said.</summary>
public sealed class ErrorMappingTests : FakeApiTests
{
    private const string Path = "/customers";
    private static CreateCustomerRequest Request() => new() { Name = "Ann", Email = "ann@example.com" };

    private static string Paddle(string type, string code, string detail, string errors = "[]") =>
        $$$"""{"error":{"type":"{{{type}}}","code":"{{{code}}}","detail":"{{{detail}}}","documentation_url":"https://developer.paddle.com/errors/shared/{{{code}}}","errors":{{{errors}}}},"meta":{"request_id":"req-{{{code}}}"}}""";

    public static TheoryData<int, string, Type> Statuses => new()
    {
        { 400, "invalid_field", typeof(ValidationFailedException) },
        { 422, "invalid_field", typeof(ValidationFailedException) },
        { 401, "authentication_missing", typeof(AuthenticationFailedException) },
        { 403, "authentication_missing", typeof(AuthenticationFailedException) },
        { 403, "invalid_token", typeof(AuthenticationFailedException) },
        { 403, "forbidden", typeof(PermissionDeniedException) },
        { 404, "not_found", typeof(ResourceNotFoundException) },
        { 409, "conflict", typeof(ConflictException) },
        { 429, "too_many_requests", typeof(RateLimitedException) },
        { 500, "internal_error", typeof(ServerErrorException) },
        { 503, "service_unavailable", typeof(ServerErrorException) },
        { 410, "gone", typeof(CustomerAddressesApiException) },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task Maps_each_status_to_its_exception_with_code_detail_and_request_id(int status, string code, Type expected)
    {
        Api.Reply("POST", Path, status, Paddle("request_error", code, "something about " + code));

        var error = await Assert.ThrowsAnyAsync<CustomerAddressesApiException>(() => Api.Client().Customers.CreateAsync(Request()));

        Assert.Equal(expected, error.GetType());
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal("request_error", error.ErrorType);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal("something about " + code, error.Detail);
        Assert.Equal("req-" + code, error.RequestId);
        Assert.Equal($"https://developer.paddle.com/errors/shared/{code}", error.DocumentationUrl);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("something about " + code, error.Message, StringComparison.Ordinal);
        Assert.Contains("Create customer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_field_errors()
    {
        Api.Reply("POST", Path, 400, Paddle("request_error", "invalid_field", "Invalid request.", """[{"field":"email","message":"must be a valid email address"},{"field":"name","message":"is too long"}]"""));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Api.Client().Customers.CreateAsync(Request()));

        Assert.Equal([new ApiFieldError("email", "must be a valid email address"), new ApiFieldError("name", "is too long")], error.FieldErrors);
        Assert.Contains("email: must be a valid email address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_an_HTML_502_from_a_proxy_as_a_server_error_with_an_excerpt()
    {
        string html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>"
            + new string(' ', 5000) + new string('x', 5000) + "</body></html>";
        Api.ReplyRaw("POST", Path, 502, html, "text/html");

        var error = await Assert.ThrowsAsync<ServerErrorException>(() => Api.Client().Customers.CreateAsync(Request()));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.StartsWith("<html><head><title>502 Bad Gateway</title>", error.ResponseExcerpt, StringComparison.Ordinal);
        Assert.True(error.ResponseExcerpt!.Length <= 513, "the excerpt is truncated");
        Assert.Contains("502 Bad Gateway", error.Message, StringComparison.Ordinal);
        Assert.Null(error.ErrorCode);
    }

    [Theory]
    [InlineData(520)]
    [InlineData(524)]
    public async Task Reads_a_CDN_error_page_as_a_server_error(int status)
    {
        Api.ReplyRaw("POST", Path, status, "error code: " + status, "text/plain");

        var error = await Assert.ThrowsAsync<ServerErrorException>(() => Api.Client().Customers.CreateAsync(Request()));

        Assert.Equal("error code: " + status, error.ResponseExcerpt);
    }

    [Fact]
    public async Task Reads_an_empty_error_body()
    {
        Api.ReplyRaw("POST", Path, 404, string.Empty, "text/plain");

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() => Api.Client().Customers.CreateAsync(Request()));

        Assert.Null(error.ResponseExcerpt);
        Assert.Empty(error.FieldErrors);
    }

    [Fact]
    public async Task Takes_the_request_id_from_a_header_when_the_body_has_none()
    {
        Api.Reply("POST", Path, 500, """{"message":"boom"}""", ("X-Request-Id", "hdr-42"));

        var error = await Assert.ThrowsAsync<ServerErrorException>(() => Api.Client().Customers.CreateAsync(Request()));

        Assert.Equal("hdr-42", error.RequestId);
        Assert.Equal("boom", error.Detail);
    }

    [Fact]
    public async Task Reads_retry_after_in_seconds()
    {
        Api.Reply("POST", Path, 429, Paddle("request_error", "too_many_requests", "slow down"), ("Retry-After", "7"));

        var error = await Assert.ThrowsAsync<RateLimitedException>(() => Api.Client().Customers.CreateAsync(Request()));

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Fact]
    public async Task Reads_retry_after_as_an_HTTP_date_against_the_configured_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        Api.Reply("POST", Path, 429, "{}", ("Retry-After", "Sun, 22 Nov 2026 12:01:30 GMT"));
        using var client = TestClients.Create(new Uri(Api.Url), o => o.TimeProvider = clock);

        var error = await Assert.ThrowsAsync<RateLimitedException>(() => client.Customers.CreateAsync(Request()));

        Assert.Equal(TimeSpan.FromSeconds(90), error.RetryAfter);
    }

    [Fact]
    public async Task Reads_RFC_7807_problem_details()
    {
        Api.ReplyRaw("POST", Path, 422, """{"type":"about:blank","title":"Unprocessable","detail":"email is taken","errors":{"email":["is taken"]}}""", "application/problem+json");

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Api.Client().Customers.CreateAsync(Request()));

        Assert.Equal("email is taken", error.Detail);
        Assert.Equal(new ApiFieldError("email", "is taken"), Assert.Single(error.FieldErrors));
    }

    [Fact]
    public async Task Never_puts_a_credential_the_server_echoes_into_the_exception()
    {
        string echo = $$$"""{"error":{"type":"request_error","code":"invalid_token","detail":"token {{{FakeApi.ApiKey}}} and cookie {{{FakeApi.SessionToken}}} are not valid","errors":[{"field":"Authorization","message":"Bearer {{{FakeApi.ApiKey}}}"}]},"meta":{"request_id":"r"}}""";
        Api.Reply("POST", Path, 403, echo);
        var client = Api.Client(sessionToken: FakeApi.SessionToken);

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() => client.Customers.CreateAsync(Request()));

        string everything = string.Join("\n", error.ToString(), error.Detail, error.ResponseExcerpt, string.Join(",", error.FieldErrors));
        Assert.DoesNotContain(FakeApi.ApiKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeApi.SessionToken, everything, StringComparison.Ordinal);
        Assert.Contains("***", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html>not json</html>")]
    [InlineData("{\"id\": 12}")]
    [InlineData("{\"id\": \"../etc\", \"name\": \"x\"}")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"name\":\"no id\"}")]
    [InlineData("{\"data\": null, \"status\": 201}")]
    [InlineData("{\"id\":\"cus_1\",\"created_at\":\"yesterday\"}")]
    [InlineData("{\"id\":\"cus_1\"")]
    public async Task A_success_with_an_unreadable_body_is_an_unexpected_response_not_a_JsonException(string body)
    {
        Api.ReplyRaw("POST", Path, 201, body, "application/json");

        var error = await Assert.ThrowsAsync<UnexpectedResponseException>(() => Api.Client().Customers.CreateAsync(Request()));

        Assert.Equal(HttpStatusCode.Created, error.StatusCode);
        Assert.Contains("could not be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_without_a_body_is_an_unexpected_response()
    {
        Api.ReplyRaw("POST", Path, 204, string.Empty, "application/json");

        await Assert.ThrowsAsync<UnexpectedResponseException>(() => Api.Client().Customers.CreateAsync(Request()));
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        using var other = WireMock.Server.WireMockServer.Start();
        Api.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(Path).UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(307).WithHeader("Location", other.Url + Path));

        var error = await Assert.ThrowsAsync<CustomerAddressesApiException>(() => Api.Client(sessionToken: FakeApi.SessionToken).Customers.CreateAsync(Request()));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, error.StatusCode);
        Assert.Empty(other.LogEntries);
    }

    [Fact]
    public async Task The_existing_id_survives_a_credential_that_is_part_of_it()
    {
        Api.Reply("POST", Path, 409, Paddle("request_error", "customer_already_exists", "customer email conflicts with customer of id ctm_01hv6y1jedq4p1n0yqn5ba3ky4"));

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => Api.Client(apiKey: "ky4").Customers.CreateAsync(Request()));

        Assert.Equal(Ids.PaddleCustomer, conflict.ExistingCustomerId);
        Assert.DoesNotContain("ky4", conflict.Message, StringComparison.Ordinal);
    }
}
