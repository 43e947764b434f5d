using System.Collections.Concurrent;
using System.Net;
using System.Text;
using CustomerAddresses.Client.Tests.Sessions;
using CustomerAddresses.Client.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CustomerAddresses.Client.Tests.Transport;

/// <summary>
/// A request the server refused (401) for a session token it has rotated since is sent again with the newer one, by the
/// standalone client and under dependency injection alike; every token an answer sets is masked, adopted or not.
/// </summary>
public sealed class SessionResendTests
{
    private const string First = "sess_first_01hsecretsecret";
    private static readonly Uri s_base = new("https://frontend.example.com/");
    private static readonly OrganizationId s_organization = OrganizationId.Parse("7318049210374193152");
    private static readonly string s_rotated = SessionCredentialTests.Jwt(1_764_730_000);

    private static readonly AddBillingAddressRequest s_request = new()
    {
        Name = "HQ", Company = "Acme", AddressLine1 = "1 Road", City = "LA", State = "CA", PostalCode = "90210", Country = "US",
    };

    private const string Added = """{"status":200,"message":"","data":{"billing_address":{"id":"1","name":"HQ"}},"errors":null}""";
    private const string NoSignIn = """{"status":401,"message":"No active sign in","data":null,"errors":null}""";

    private readonly FakeLogCollector _logs = new();

    public static TheoryData<bool> Modes => new() { false, true };

    /// <summary>The standalone client, or one resolved from a service provider, over <paramref name="server"/>.</summary>
    private (CustomerAddressesClient Client, IDisposable Owner) Build(bool dependencyInjection, HttpMessageHandler server, string? session = First)
    {
        void Configure(CustomerAddressesClientOptions o)
        {
            o.BaseAddress = s_base;
            o.SessionToken = session;
            o.Retry.MaxRetries = 0;
        }

        if (!dependencyInjection)
        {
            CustomerAddressesClient client = TestClients.Create(s_base, server, o =>
            {
                Configure(o);
                o.LoggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
            });
            return (client, client);
        }

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
        services.AddCustomerAddressesClient(Configure).ConfigurePrimaryHttpMessageHandler(() => server);
        ServiceProvider provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<CustomerAddressesClient>(), provider);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_create_refused_for_a_token_rotated_while_it_travelled_is_sent_again_once_with_the_new_token(bool dependencyInjection)
    {
        // Two calls leave with the first token. The server rotates on the list and refuses the create, and its refusal
        // arrives before the client has read the rotation.
        var server = new ScriptedServer();
        (CustomerAddressesClient client, IDisposable owner) = Build(dependencyInjection, server);
        using (owner)
        {
            Task<List<BillingAddress>> list = client.BillingAddresses.ListAsync(s_organization).ToListAsync().AsTask();
            HttpRequestMessage listed = await server.Next();
            Task<BillingAddress> add = client.BillingAddresses.AddAsync(s_organization, s_request);
            HttpRequestMessage refused = await server.Next();
            server.Answer(refused, 401, NoSignIn);
            await Task.Delay(50);
            Assert.False(add.IsCompleted); // waits for the list's answer: it may bring a newer token

            server.Answer(listed, 200, """{"status":200,"message":"","data":[],"errors":null}""", ("Set-Cookie", "__session=" + s_rotated + "; path=/; HttpOnly"));
            HttpRequestMessage resent = await server.Next();
            server.Answer(resent, 200, Added);

            Assert.Equal("1", (await add).Id.Value);
            await list;
            Assert.Equal(["__session=" + First, "__session=" + First, "__session=" + s_rotated], server.Cookies);
            Assert.Equal(server.Bodies[1], server.Bodies[2]); // the same create, sent again whole
            Assert.Contains(_logs.GetSnapshot(), r => r.Id.Id == 16);
            Assert.All(_logs.GetSnapshot(), r => Assert.DoesNotContain(s_rotated, r.Message, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_server_that_sets_a_new_token_on_every_refusal_gets_three_resends_then_the_call_fails(bool dependencyInjection)
    {
        var server = new ScriptedServer();
        (CustomerAddressesClient client, IDisposable owner) = Build(dependencyInjection, server);
        using (owner)
        {
            Task<BillingAddress> add = client.BillingAddresses.AddAsync(s_organization, s_request);
            for (int refusal = 1; refusal <= 4; refusal++)
            {
                server.Answer(await server.Next(), 401, NoSignIn, ("Set-Cookie", $"__session={SessionCredentialTests.Jwt(1_764_730_000 + refusal)}; path=/"));
            }

            await Assert.ThrowsAsync<AuthenticationFailedException>(() => add);
            Assert.Equal(4, server.Cookies.Count); // the first request and three resends, each with the token the last refusal set
            Assert.Equal(server.Cookies.Distinct().Count(), server.Cookies.Count);
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_refusal_of_the_current_token_with_nothing_else_on_the_wire_fails_at_once(bool dependencyInjection)
    {
        var server = new ScriptedServer();
        (CustomerAddressesClient client, IDisposable owner) = Build(dependencyInjection, server);
        using (owner)
        {
            Task<BillingAddress> add = client.BillingAddresses.AddAsync(s_organization, s_request);
            server.Answer(await server.Next(), 401, NoSignIn);

            await Assert.ThrowsAsync<AuthenticationFailedException>(() => add);
            Assert.Single(server.Cookies);
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_token_the_client_does_not_adopt_is_masked_in_the_exception_and_the_logs(bool dependencyInjection)
    {
        // The client holds a token issued later than the one this answer sets: it keeps its own, and masks both.
        string current = SessionCredentialTests.Jwt(2_000_000_000);
        string older = SessionCredentialTests.Jwt(1_000_000_000);
        var server = new ScriptedServer();
        (CustomerAddressesClient client, IDisposable owner) = Build(dependencyInjection, server, current);
        using (owner)
        {
            Task<BillingAddress> add = client.BillingAddresses.AddAsync(s_organization, s_request);
            server.Answer(await server.Next(), 400, $$"""{"status":400,"message":"bad {{older}} and {{current}}","data":null,"errors":[{"code":"BAD","message":"{{older}}"}]}""",
                ("Set-Cookie", "__session=" + older + "; path=/"), ("X-Request-Id", older));

            var e = await Assert.ThrowsAsync<ValidationFailedException>(() => add);
            Task<BillingAddress> next = client.BillingAddresses.AddAsync(s_organization, s_request);
            server.Answer(await server.Next(), 200, Added);
            await next;

            string everything = e + " " + e.Detail + " " + e.ResponseExcerpt + " " + e.RequestId + " " + string.Join(" ", e.FieldErrors.Select(f => f.Message))
                + string.Join(" ", _logs.GetSnapshot().Select(r => r.Message + string.Join(",", r.StructuredState ?? [])));
            Assert.DoesNotContain(older, everything, StringComparison.Ordinal);
            Assert.DoesNotContain(current, everything, StringComparison.Ordinal);
            Assert.Equal("__session=" + current, server.Cookies[1]); // not adopted
        }
    }

    [Fact]
    public async Task A_client_without_a_session_masks_a_token_an_answer_sets()
    {
        var server = new ScriptedServer();
        (CustomerAddressesClient client, IDisposable owner) = Build(false, server, session: null);
        using (owner)
        {
            Task<BillingAddress> add = client.BillingAddresses.AddAsync(s_organization, s_request);
            server.Answer(await server.Next(), 500, "oops " + s_rotated, ("Set-Cookie", "__session=" + s_rotated));

            var e = await Assert.ThrowsAsync<ServerErrorException>(() => add);
            Assert.DoesNotContain(s_rotated, e.ToString() + e.ResponseExcerpt, StringComparison.Ordinal);
        }
    }

    /// <summary>A server whose answers the test gives, one request at a time, in any order.</summary>
    private sealed class ScriptedServer : HttpMessageHandler
    {
        private readonly ConcurrentDictionary<HttpRequestMessage, TaskCompletionSource<HttpResponseMessage>> _pending = new();
        private readonly System.Threading.Channels.Channel<HttpRequestMessage> _arrived = System.Threading.Channels.Channel.CreateUnbounded<HttpRequestMessage>();

        public List<string> Cookies { get; } = [];

        public List<string?> Bodies { get; } = [];

        public async Task<HttpRequestMessage> Next()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            return await _arrived.Reader.ReadAsync(timeout.Token);
        }

        public void Answer(HttpRequestMessage request, int status, string body, params (string Name, string Value)[] headers)
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request };
            foreach ((string name, string value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            _pending[request].SetResult(response);
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (Cookies)
            {
                Cookies.Add(request.Headers.TryGetValues("Cookie", out IEnumerable<string>? cookie) ? string.Join("; ", cookie) : "(none)");
                Bodies.Add(body);
            }

            var answer = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[request] = answer;
            await _arrived.Writer.WriteAsync(request, cancellationToken);
            return await answer.Task.WaitAsync(cancellationToken);
        }
    }
}
