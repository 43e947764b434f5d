using CustomerAddresses.Client.Testing;
using CustomerAddresses.Client.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Client.Mirror.Tests;

/// <summary>
/// An emulator of Paddle whose webhooks reach an ASP.NET Core endpoint that verifies each and hands it to one of the
/// mirrors (any of them: instances behind one URL), and the comparison of a mirror's tables with the server's entities.
/// </summary>
internal sealed class MirrorHarness : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<CustomerMirror> _mirrors = [];
    private readonly Random _pick;
    private int _receiving = 1;

    private MirrorHarness(CustomerAddressesEmulator emulator, WebApplication app, CustomerAddressesClient client, int seed)
    {
        Emulator = emulator;
        _app = app;
        Client = client;
        _pick = new Random(seed);
    }

    internal CustomerAddressesEmulator Emulator { get; }

    /// <summary>A client of the emulator that retries through its faults.</summary>
    internal CustomerAddressesClient Client { get; }

    /// <summary>Webhooks the endpoint could not apply (the mirror failed), as text.</summary>
    internal List<string> Failures { get; } = [];

    internal static async Task<MirrorHarness> StartAsync(CustomerAddressesEmulatorOptions options, int seed = 1)
    {
        CustomerAddressesEmulator emulator = await CustomerAddressesEmulator.StartAsync(options);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var client = new CustomerAddressesClient(new CustomerAddressesClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Dialect = ApiDialect.PaddleBilling,
            Retry = { MaxRetries = 10, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.FromMilliseconds(5) },
        });
        var harness = new MirrorHarness(emulator, app, client, seed);
        PaddleWebhookVerifier? verifier = null;
        app.MapPost("/webhooks/paddle", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            PaddleWebhookEvent e = verifier!.ReadEvent(body.ToArray(), context.Request.Headers["Paddle-Signature"]);
            CustomerMirror? mirror = harness.Pick();
            if (mirror is null)
            {
                return Results.StatusCode(503); // the app is down: Paddle retries, or the delivery is lost
            }

            try
            {
                await mirror.ApplyAsync(e, context.RequestAborted);
                return Results.Ok();
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                lock (harness.Failures)
                {
                    harness.Failures.Add(failure.ToString());
                }

                return Results.StatusCode(500);
            }
        });
        await app.StartAsync();
        string url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        string secret = emulator.AddWebhookDestination(new Uri(url + "/webhooks/paddle"));
        verifier = new PaddleWebhookVerifier(new PaddleWebhookOptions { SecretKeys = { secret }, Tolerance = TimeSpan.FromMinutes(5) });
        return harness;
    }

    /// <summary>The mirrors that receive webhooks; replace one to restart it.</summary>
    internal void Receive(params CustomerMirror[] mirrors)
    {
        lock (_mirrors)
        {
            _mirrors.Clear();
            _mirrors.AddRange(mirrors);
        }
    }

    /// <summary>Whether the endpoint answers (a down app answers 503).</summary>
    internal bool Up
    {
        set => Volatile.Write(ref _receiving, value ? 1 : 0);
    }

    private CustomerMirror? Pick()
    {
        lock (_mirrors)
        {
            return Volatile.Read(ref _receiving) == 0 || _mirrors.Count == 0 ? null : _mirrors[_pick.Next(_mirrors.Count)];
        }
    }

    internal CustomerMirror Mirror(CustomerMirrorOptions options) => new(Client, options);

    /// <summary>Asserts that the mirror's tables equal the server's entities row for row, member by member, with no row extra.</summary>
    internal Task AssertMirrorEqualsServerAsync(CustomerMirror mirror) => MirrorEquality.AssertEqualsServerAsync(Client, mirror);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
