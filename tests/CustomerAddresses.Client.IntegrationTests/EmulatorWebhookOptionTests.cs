using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using CustomerAddresses.Client.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>
/// The emulator as a program, with <c>--webhook URL</c>: it prints the destination's secret key on start, and every
/// customer and address change reaches the URL signed with that key.
/// </summary>
public sealed partial class EmulatorWebhookOptionTests
{
    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex Listening();

    [GeneratedRegex(@"webhooks to (\S+), signed with the secret key (pdl_ntfset_\S+)")]
    private static partial Regex WebhookLine();

    [Fact]
    public async Task The_tool_prints_the_secret_key_and_signs_every_change_with_it()
    {
        // A bare endpoint that keeps what it receives: the key is known only once the tool has printed it.
        Channel<(byte[] Body, string? Signature)> received = Channel.CreateUnbounded<(byte[], string?)>();
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        await using WebApplication receiver = builder.Build();
        receiver.MapPost("/hooks", async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            await received.Writer.WriteAsync((body.ToArray(), context.Request.Headers["Paddle-Signature"].ToString()));
        });
        await receiver.StartAsync();
        string hooks = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hooks";

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "CustomerAddresses.Emulator.dll"), "--urls", "http://127.0.0.1:0", "--webhook", hooks })
        {
            start.ArgumentList.Add(arg);
        }

        using Process tool = Process.Start(start)!;
        try
        {
            string? baseUrl = null, secret = null, webhook = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while ((baseUrl is null || secret is null) && await tool.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                baseUrl ??= Listening().Match(line) is { Success: true } l ? l.Groups[1].Value : null;
                if (WebhookLine().Match(line) is { Success: true } w)
                {
                    (webhook, secret) = (w.Groups[1].Value, w.Groups[2].Value);
                }
            }

            Assert.Equal(hooks, webhook);
            Assert.Matches("^pdl_ntfset_[0-9a-hjkmnp-tv-z]{26}_[A-Za-z0-9]{32}$", secret);
            using CustomerAddressesClient client = TestClients.Create(new Uri(baseUrl!), o => o.Dialect = ApiDialect.PaddleBilling);
            Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "tool@example.com" });
            await client.Addresses.CreateAsync(customer.Id, new CreateAddressRequest { Country = "GB" });

            var verifier = new PaddleWebhookVerifier(new PaddleWebhookOptions { SecretKeys = { secret! } });
            var events = new List<PaddleWebhookEvent>();
            for (int i = 0; i < 2; i++)
            {
                (byte[] body, string? signature) = await received.Reader.ReadAsync(timeout.Token);
                events.Add(verifier.ReadEvent(body, signature));
            }

            Assert.Equal([PaddleWebhookEventTypes.AddressCreated, PaddleWebhookEventTypes.CustomerCreated], events.Select(e => e.EventType).Order(StringComparer.Ordinal));
            Assert.Equal(customer, events.OfType<CustomerWebhookEvent>().Single().Customer);
        }
        finally
        {
            tool.Kill();
            await tool.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_webhook_option_that_is_not_an_http_url_is_one_line_and_exit_code_2()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "CustomerAddresses.Emulator.dll"), "--webhook", "ftp://example.com/hooks" })
        {
            start.ArgumentList.Add(arg);
        }

        using Process tool = Process.Start(start)!;
        string error = await tool.StandardError.ReadToEndAsync();
        await tool.WaitForExitAsync();

        Assert.Equal(2, tool.ExitCode);
        Assert.Equal("CustomerAddresses.Emulator: --webhook takes an absolute http or https URL, not 'ftp://example.com/hooks' (--help lists the options)", error.Trim());
    }
}
