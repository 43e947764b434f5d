using System.Net;
using CustomerAddresses.Client.Errors;
using CustomerAddresses.Client.Protocol.Errors;

namespace CustomerAddresses.Client.Tests.Protocol.Errors;

/// <summary>The one table from status and code to exception type.</summary>
public sealed class ExceptionTableTests
{
    private static readonly ApiErrorDetails s_details = new("request_error", "x", "detail", null, [], "req", null, null);

    private static CustomerAddressesApiException Create(int status, string? code = null, string? detail = null) =>
        ExceptionTable.Create((HttpStatusCode)status, "message", s_details, ParsedError.EmptyJson with { Code = code, Detail = detail });

    [Theory]
    [InlineData(400, null, typeof(ValidationFailedException))]
    [InlineData(422, null, typeof(ValidationFailedException))]
    [InlineData(401, null, typeof(AuthenticationFailedException))]
    [InlineData(403, "authentication_missing", typeof(AuthenticationFailedException))]
    [InlineData(403, "invalid_token", typeof(AuthenticationFailedException))]
    [InlineData(403, "forbidden", typeof(PermissionDeniedException))]
    [InlineData(403, null, typeof(PermissionDeniedException))]
    [InlineData(404, null, typeof(ResourceNotFoundException))]
    [InlineData(409, null, typeof(ConflictException))]
    [InlineData(429, null, typeof(RateLimitedException))]
    [InlineData(500, null, typeof(ServerErrorException))]
    [InlineData(522, null, typeof(ServerErrorException))]
    [InlineData(599, null, typeof(ServerErrorException))]
    [InlineData(302, null, typeof(CustomerAddressesApiException))]
    [InlineData(418, null, typeof(CustomerAddressesApiException))]
    public void Maps_status_and_code_to_the_documented_type(int status, string? code, Type expected)
    {
        CustomerAddressesApiException e = Create(status, code);

        Assert.Equal(expected, e.GetType());
        Assert.Equal((HttpStatusCode)status, e.StatusCode);
        Assert.Equal("req", e.RequestId);
        Assert.Equal("message", e.Message);
    }

    [Fact]
    public void A_conflict_names_the_existing_resource_from_the_servers_own_words()
    {
        var e = (ConflictException)Create(409, "customer_already_exists", "customer email conflicts with customer of id ctm_01hv6y1jedq4p1n0yqn5ba3ky4");

        Assert.Equal("ctm_01hv6y1jedq4p1n0yqn5ba3ky4", e.ExistingId);
        Assert.Equal(CustomerId.Parse("ctm_01hv6y1jedq4p1n0yqn5ba3ky4"), e.ExistingCustomerId);
    }
}
