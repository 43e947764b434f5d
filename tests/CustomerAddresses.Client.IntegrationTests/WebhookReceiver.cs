using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>A small app as a user writes one: Kestrel on loopback, <c>AddPaddleWebhooks</c>, <c>MapPaddleWebhooks</c>.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>Every verified event, in arrival order.</summary>
    public Channel<PaddleWebhookEvent> Received { get; } = Channel.CreateUnbounded<PaddleWebhookEvent>();

    /// <summary>How many more deliveries the handler fails (answering 500) before it accepts.</summary>
    public int FailNext { get; set; }

    public static async Task<WebhookReceiver> StartAsync(TimeProvider clock, params string[] secretKeys)
    {
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();
        builder.Services.AddPaddleWebhooks(o =>
        {
            foreach (string key in secretKeys)
            {
                o.SecretKeys.Add(key);
            }

            o.TimeProvider = clock;
        });
        WebApplication app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPaddleWebhooks("/webhooks/paddle", async (webhook, cancellationToken) =>
        {
            if (receiver!.FailNext > 0)
            {
                receiver.FailNext--;
                throw new InvalidOperationException("The handler failed, as a real one can: Paddle retries.");
            }

            await receiver.Received.Writer.WriteAsync(webhook, cancellationToken);
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, new Uri(address.TrimEnd('/') + "/webhooks/paddle"));
        return receiver;
    }

    public async Task<PaddleWebhookEvent> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await Received.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
