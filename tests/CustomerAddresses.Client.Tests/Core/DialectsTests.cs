using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Customers;
using CustomerAddresses.Client.Protocol;
using CustomerAddresses.Client.Tests.Shared;
using CustomerAddresses.Client.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerAddresses.Client.Tests.Core;

/// <summary>
/// An operation is declared once with its variant in each dialect that has it: the client's dialect, chosen once, picks
/// the variant; an operation its dialect lacks is a <see cref="NotSupportedException"/> before any request.
/// </summary>
public sealed class DialectsTests
{
    private static readonly OperationInfo s_info = new("customers.credit", "Get credit", HttpMethod.Get, "customers/{customer_id}/credit");

    private static ApiOperation<ICustomersApi, CustomerId, Customer> Variant(Action<CustomerId>? check = null) => new(
        s_info,
        RequestBody: null,
        static () => CustomersJsonContext.Default.Customer,
        check ?? (static _ => { }),
        static (api, id, call, ct) => api.GetAsync(id.Value, call, ct));

    private static (ResourceChannel<ICustomersApi> Channel, StubHandler Server) Channel(string baseAddress)
    {
        var server = new StubHandler((_, _) => StubHandler.Status(200, """{"data":{"id":"ctm_1"}}"""));
        var settings = ClientSettings.From(TestClients.Options(new Uri(baseAddress)));
        var http = new HttpClient(ClientPipeline.Create(settings, NullLogger.Instance, server)) { BaseAddress = settings.BaseAddress };
        return (new ResourceChannel<ICustomersApi>(new OperationInvoker(http, settings, NullLogger.Instance), CustomersJsonContext.Default), server);
    }

    [Fact]
    public void An_operation_the_clients_dialect_lacks_is_refused_before_any_request()
    {
        (ResourceChannel<ICustomersApi> channel, StubHandler server) = Channel("https://api.example.com/api/v1/");
        var paddleOnly = Dialects<ApiOperation<ICustomersApi, CustomerId, Customer>>.PaddleOnly(Variant());

        // Thrown by the call itself, as argument checks are: no task is started.
        var error = Assert.Throws<NotSupportedException>(() => { _ = channel.InvokeAsync(paddleOnly, CustomerId.Parse("cus_1"), CancellationToken.None); });

        Assert.Equal("Get credit (GET customers/{customer_id}/credit) is not part of the /api/v1 API this client speaks (Dialect = CustomersApiV1); nothing was sent.", error.Message);
        Assert.Empty(server.Attempts);
    }

    [Fact]
    public async Task The_variant_of_the_clients_dialect_is_checked_and_sent()
    {
        (ResourceChannel<ICustomersApi> channel, StubHandler server) = Channel("https://api.paddle.com/");
        var checkedIds = new List<string>();
        var each = Dialects<ApiOperation<ICustomersApi, CustomerId, Customer>>.Each(
            apiV1: Variant(_ => throw new InvalidOperationException("the /api/v1 variant must not be used")),
            paddle: Variant(id => checkedIds.Add(id.Value)));

        Customer customer = await channel.InvokeAsync(each, CustomerId.Parse("ctm_1"), CancellationToken.None);

        Assert.Equal("ctm_1", customer.Id.Value);
        Assert.Equal(["ctm_1"], checkedIds);
        Assert.Equal("1", Assert.Single(server.Attempts).Request.Headers.GetValues("Paddle-Version").Single());
    }

    [Theory]
    [InlineData(ApiDialect.PaddleBilling, "Paddle Billing", "1")]
    [InlineData(ApiDialect.CustomersApiV1, "/api/v1", null)]
    public void A_dialect_is_one_object_that_names_itself_and_its_headers(ApiDialect kind, string name, string? paddleVersion)
    {
        WireDialect dialect = WireDialect.Of(kind);

        Assert.Same(dialect, WireDialect.Of(kind));
        Assert.Equal((kind, name, paddleVersion), (dialect.Kind, dialect.Name, dialect.PaddleVersion));
    }
}
