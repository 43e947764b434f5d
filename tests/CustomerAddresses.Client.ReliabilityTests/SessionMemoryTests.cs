using System.Net;
using System.Text;
using CustomerAddresses.Client.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary>A worker whose session rotates for months holds a bounded set of tokens, however large each one is.</summary>
[Collection(nameof(MemoryMeasurements))]
public sealed class SessionMemoryTests
{
    private const int Rotations = 10_000;
    private const int TokenChars = 32 * 1024;

    /// <summary>
    /// On the standalone client, and under dependency injection with the client resolved from the root container for
    /// every call, as an app's singletons and background services do: neither the tokens nor the clients resolved pile up.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ten_thousand_rotations_of_32_KiB_tokens_leave_the_heap_within_1_MiB(bool dependencyInjection)
    {
        var server = new RotatingServer();
        var organization = OrganizationId.Parse("7318049210374193152");
        using CustomerAddressesClient standalone = TestClients.Create(new Uri("https://frontend.example.com/"), server, o => o.SessionToken = RotatingServer.Token(0));
        var services = new ServiceCollection();
        services.AddCustomerAddressesClient(o =>
        {
            o.BaseAddress = new Uri("https://frontend.example.com/");
            o.SessionToken = RotatingServer.Token(0);
        }).ConfigurePrimaryHttpMessageHandler(() => server);
        await using ServiceProvider provider = services.BuildServiceProvider();
        Func<BillingAddressesClient> resolve = dependencyInjection ? provider.GetRequiredService<BillingAddressesClient> : () => standalone.BillingAddresses;
        await resolve().ListAsync(organization).ToListAsync(); // JIT, pools and caches, one rotation
        long before = Heap();

        for (int i = 0; i < Rotations; i++)
        {
            await resolve().ListAsync(organization).ToListAsync();
        }

        long grown = Heap() - before;
        Assert.Equal(Rotations + 1, server.Rotations);
        Assert.Equal(RotatingServer.Token(Rotations), server.LastCookie); // every rotation was adopted
        Assert.True(grown < 1024 * 1024, $"the heap grew by {grown / 1024} KiB over {Rotations} rotations");
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Rotates the session on every answer, to a new 32 KiB token.</summary>
    private sealed class RotatingServer : HttpMessageHandler
    {
        public int Rotations { get; private set; }

        public string? LastCookie { get; private set; }

        public static string Token(int number) => string.Create(TokenChars, number, static (chars, n) =>
        {
            chars.Fill('a');
            n.TryFormat(chars, out _, provider: System.Globalization.CultureInfo.InvariantCulture);
        });

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string cookie = string.Join(";", request.Headers.GetValues("Cookie"));
            LastCookie = cookie["__session=".Length..];
            var response = new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"status":200,"message":"","data":[],"errors":null}""", Encoding.UTF8, "application/json"),
                RequestMessage = request,
            };
            response.Headers.TryAddWithoutValidation("Set-Cookie", "__session=" + Token(++Rotations) + "; path=/; HttpOnly");
            return Task.FromResult(response);
        }
    }
}
