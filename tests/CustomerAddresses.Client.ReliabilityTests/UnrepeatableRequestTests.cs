using System.Net.Sockets;
using System.Text;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary>
/// A request that may have taken effect is never sent again when it must not be: over a real socket whose connection the
/// client has already used (so the socket handler's own silent resend is in play), for every failure that leaves the
/// outcome unknown, on the standalone client and on the one dependency injection builds. The two Paddle creates that
/// make a secret (an authentication token, a portal session) are sent once even when the caller allows unsafe retries.
/// </summary>
public sealed class UnrepeatableRequestTests
{
    public enum Failure
    {
        /// <summary>503 Service Unavailable: the server may have done the work before it failed.</summary>
        ServerError,

        /// <summary>The server reads the request, then closes the connection without a byte of answer.</summary>
        ClosedAfterReading,

        /// <summary>The answer starts, then the connection is reset.</summary>
        ResetMidAnswer,

        /// <summary>No answer within the attempt timeout.</summary>
        AttemptTimeout,
    }

    private const string CustomerJson = """{"data":{"id":"ctm_01hv6y1jedq4p1n0yqn5ba3ky4","email":"ann@example.com","status":"active"},"meta":{"request_id":"r"}}""";
    private static readonly CustomerId s_customer = CustomerId.Parse("ctm_01hv6y1jedq4p1n0yqn5ba3ky4");
    private static readonly AddressId s_address = AddressId.Parse("add_01hv8gq3318ktkfengj2r75gfx");

    /// <summary>Every create and update the SDK sends (POST and PATCH), by name, with its dialect.</summary>
    private static readonly Dictionary<string, (ApiDialect Dialect, Func<CustomerAddressesClient, Task> Call)> s_unsafe = new()
    {
        ["customers.generate_auth_token"] = (ApiDialect.PaddleBilling, c => c.Customers.GenerateAuthTokenAsync(s_customer)),
        ["customers.create_portal_session"] = (ApiDialect.PaddleBilling, c => c.Customers.CreatePortalSessionAsync(s_customer, ["sub_01h04vsc0qhwtsbsxh3422wjs4"])),
        ["customers.create (Paddle)"] = (ApiDialect.PaddleBilling, c => c.Customers.CreateAsync(new CreateCustomerRequest { Email = "ann@example.com" })),
        ["customers.update (Paddle)"] = (ApiDialect.PaddleBilling, c => c.Customers.UpdateAsync(s_customer, new UpdateCustomerRequest { Name = "Ann" })),
        ["addresses.create (Paddle)"] = (ApiDialect.PaddleBilling, c => c.Addresses.CreateAsync(s_customer, new CreateAddressRequest { Country = CountryCode.Parse("GB") })),
        ["addresses.update (Paddle)"] = (ApiDialect.PaddleBilling, c => c.Addresses.UpdateAsync(s_customer, s_address, new UpdateAddressRequest { City = "York" })),
        ["customers.create (/api/v1)"] = (ApiDialect.CustomersApiV1, c => c.Customers.CreateAsync(new CreateCustomerRequest { Name = "Ann", Email = "ann@example.com" })),
        ["addresses.create (/api/v1)"] = (ApiDialect.CustomersApiV1, c => c.Addresses.CreateAsync(s_customer, new CreateAddressRequest { Country = CountryCode.Parse("GB"), Region = "North", City = "York" })),
        ["billing_addresses.add"] = (ApiDialect.CustomersApiV1, c => c.BillingAddresses.AddAsync(OrganizationId.Parse("7318049210374193152"), new AddBillingAddressRequest
        {
            Name = "Ann", Company = "Acme", AddressLine1 = "1 Main St", City = "York", State = "YS", PostalCode = "YO1", Country = CountryCode.Parse("GB"),
        })),
    };

    public static TheoryData<string, Failure, bool, bool> SecretCreates()
    {
        var data = new TheoryData<string, Failure, bool, bool>();
        foreach (string operation in new[] { "customers.generate_auth_token", "customers.create_portal_session" })
        {
            foreach (Failure failure in Enum.GetValues<Failure>())
            {
                foreach (bool retryUnsafe in new[] { false, true })
                {
                    data.Add(operation, failure, retryUnsafe, false);
                    data.Add(operation, failure, retryUnsafe, true);
                }
            }
        }

        return data;
    }

    public static TheoryData<string, bool> UnsafeOperations()
    {
        var data = new TheoryData<string, bool>();
        foreach (string operation in s_unsafe.Keys)
        {
            data.Add(operation, false);
            data.Add(operation, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SecretCreates))]
    public async Task A_create_that_makes_a_secret_is_sent_once_whatever_the_failure_and_the_retry_options(string operation, Failure failure, bool retryUnsafeRequests, bool dependencyInjection)
    {
        await using ScriptedServer server = Server(failure);
        using CustomerAddressesClient client = Build(server, failure, ApiDialect.PaddleBilling, retryUnsafeRequests, dependencyInjection);
        await client.Customers.GetAsync(s_customer); // the connection is open and idle: the next request reuses it

        Exception? e = await Record.ExceptionAsync(() => s_unsafe[operation].Call(client));

        Assert.Equal(1, server.Requests.Count(r => r.StartsWith("POST ", StringComparison.Ordinal)));
        Assert.IsType(failure switch
        {
            Failure.ServerError => typeof(ServerErrorException),
            Failure.AttemptTimeout => typeof(TimeoutException),
            _ => typeof(HttpRequestException),
        }, e, exactMatch: false);
    }

    [Theory]
    [MemberData(nameof(UnsafeOperations))]
    public async Task No_create_or_update_is_sent_again_when_the_server_closes_the_connection_after_reading_it(string operation, bool dependencyInjection)
    {
        await using ScriptedServer server = Server(Failure.ClosedAfterReading);
        (ApiDialect dialect, Func<CustomerAddressesClient, Task> call) = s_unsafe[operation];
        using CustomerAddressesClient client = Build(server, Failure.ClosedAfterReading, dialect, retryUnsafeRequests: false, dependencyInjection);
        await client.Customers.GetAsync(s_customer);

        await Assert.ThrowsAsync<HttpRequestException>(() => call(client));

        Assert.Single(server.Requests, r => !r.StartsWith("GET ", StringComparison.Ordinal));
        Assert.Equal(1, server.Connections); // the socket handler did not open another connection to send it again
    }

    /// <summary>Answers a GET with a customer and keeps the connection; fails any other request as <paramref name="failure"/> says.</summary>
    private static ScriptedServer Server(Failure failure) => new(async (head, stream, ct) =>
    {
        if (head.StartsWith("GET ", StringComparison.Ordinal))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(
                $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {CustomerJson.Length}\r\n\r\n{CustomerJson}"), ct);
            return true;
        }

        switch (failure)
        {
            case Failure.ServerError:
                await stream.WriteAsync("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n"u8.ToArray(), ct);
                return true;
            case Failure.ResetMidAnswer:
                await stream.WriteAsync("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"data\":{\"token\":\"pca_"u8.ToArray(), ct);
                await stream.FlushAsync(ct);
                stream.Socket.LingerState = new LingerOption(true, 0); // closing now sends a reset
                return false;
            case Failure.AttemptTimeout:
                await Task.Delay(Timeout.Infinite, ct);
                return false;
            default:
                return false; // read, then closed without a byte of answer
        }
    });

    /// <summary>
    /// A client for <paramref name="server"/>. Its attempt timeout is short only where the timeout is the failure under
    /// test: for the others, a busy machine's slow first call must not turn the failure into a timeout.
    /// </summary>
    private static CustomerAddressesClient Build(ScriptedServer server, Failure failure, ApiDialect dialect, bool retryUnsafeRequests, bool dependencyInjection)
    {
        CustomerAddressesClientOptions options = TestClients.Options(server.BaseAddress, o =>
        {
            o.Dialect = dialect;
            o.ApiKey = "key_unrepeatable";
            o.Retry.MaxRetries = 3;
            o.Retry.BaseDelay = TimeSpan.Zero;
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(1);
            o.Retry.RetryUnsafeRequests = retryUnsafeRequests;
            o.Timeouts.Attempt = failure == Failure.AttemptTimeout ? TimeSpan.FromMilliseconds(300) : TimeSpan.FromSeconds(30);
        });
        // One connection to the server: the create goes out on the connection the warm-up call used, as a busy client's
        // creates do, which is where the socket handler's own resend would happen.
        var socket = new SocketsHttpHandler { MaxConnectionsPerServer = 1, AllowAutoRedirect = false, UseCookies = false };
        return dependencyInjection ? ServiceProviderClient.Create(options, socket) : TestClients.Create(options, socket);
    }
}
