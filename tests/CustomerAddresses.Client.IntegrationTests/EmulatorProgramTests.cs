using System.Diagnostics;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using CustomerAddresses.Client.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>The emulator over https, for clients that retry only there, and as a program of its own.</summary>
public sealed class EmulatorProgramTests
{
    [Fact]
    public async Task Over_https_a_client_that_trusts_the_certificate_retries_injected_503s_to_success()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { UseHttps = true, Seed = 7 });
        Assert.Equal(Uri.UriSchemeHttps, emulator.HttpsBaseAddress!.Scheme);
        X509Certificate2 trusted = emulator.Certificate!;

        var services = new ServiceCollection();
        services.AddCustomerAddressesClient(o =>
        {
            o.BaseAddress = emulator.HttpsBaseAddress;
            o.Dialect = ApiDialect.PaddleBilling;
            o.Retry.MaxRetries = 10;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        }).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                // Trust exactly the emulator's certificate, nothing else that fails validation.
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    errors == SslPolicyErrors.None || (certificate is not null && certificate.GetCertHashString() == trusted.GetCertHashString()),
            },
        });
        await using ServiceProvider provider = services.BuildServiceProvider();
        CustomerAddressesClient client = provider.GetRequiredService<CustomerAddressesClient>();
        Customer customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "tls@example.com" });

        emulator.Options.ServerErrorRate = 0.5;
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(customer.Id, (await client.Customers.GetAsync(customer.Id)).Id);
        }

        Assert.True(emulator.Statistics.ServerErrors > 0, emulator.Statistics.ToString());
        Assert.Contains(emulator.Requests, r => r.Fault == EmulatorFault.ServerError);
    }

    [Fact]
    public async Task A_client_that_does_not_trust_the_certificate_is_refused_before_anything_is_sent()
    {
        await using var emulator = await CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { UseHttps = true });
        using var http = new HttpClient { BaseAddress = emulator.HttpsBaseAddress };

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("customers", UriKind.Relative)));
        Assert.Empty(emulator.Requests);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunEmulator(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CustomerAddresses.Emulator.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Help_lists_every_option()
    {
        (int exitCode, string output, _) = await RunEmulator("--help");

        Assert.Equal(0, exitCode);
        foreach (string option in new[] { "--urls", "--https", "--api-key", "--session-token", "--rotate-session-every", "--development-sessions",
            "--offset-paging", "--seed", "--server-error-rate", "--rate-limit-rate", "--retry-after-seconds", "--latency-rate", "--latency", "--abort-rate",
            "--webhook-drop-rate", "--webhook-duplicate-rate", "--webhook-max-delay" })
        {
            Assert.Contains(option + " ", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("unknown option '--bogus'", "--bogus", "1")]
    [InlineData("--seed takes N, not 'x'", "--seed", "x")]
    [InlineData("--server-error-rate takes 0..1, not '2'", "--server-error-rate=2")]
    [InlineData("--api-key needs a value (KEY)", "--api-key")]
    [InlineData("must be http://host:port", "--urls", "ftp://127.0.0.1:1")]
    [InlineData("RequestsPerMinute must be from 1 to 1,000,000", "--requests-per-minute", "2147483647")]
    [InlineData("--requests-per-minute takes N, not '0'", "--requests-per-minute", "0")]
    public async Task A_bad_option_is_one_line_and_exit_code_2(string expected, params string[] args)
    {
        (int exitCode, string output, string error) = await RunEmulator(args);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    /// <summary>Addresses a user may mistype: a host name, an address out of range or not of this machine, a path, a query, no scheme.</summary>
    public static TheoryData<string> BadUrls => new()
    {
        "http://example.com:0",
        "http://256.1.1.1:80",
        "http://192.0.2.1:0",          // TEST-NET-1: never an address of this machine
        "http://127.0.0.1:0/api",
        "http://127.0.0.1:0?x=1",
        "http://user@127.0.0.1:0",
        "http://127.0.0.1:99999",
        "127.0.0.1:5080",
        "https://127.0.0.1:0",
        "",
    };

    [Theory]
    [MemberData(nameof(BadUrls))]
    public async Task A_bad_listen_address_is_an_argument_exception_from_the_library(string url)
    {
        var e = await Assert.ThrowsAnyAsync<ArgumentException>(() => CustomerAddressesEmulator.StartAsync(new CustomerAddressesEmulatorOptions { Url = url }));

        Assert.Contains("Url", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadUrls))]
    public async Task A_bad_listen_address_is_one_line_and_exit_code_2_from_the_tool(string url)
    {
        (int exitCode, string output, string error) = await RunEmulator("--urls", url);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("CustomerAddresses.Emulator: The emulator's Url", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task A_port_in_use_says_so()
    {
        await using var running = await CustomerAddressesEmulator.StartAsync();

        (int exitCode, string output, string error) = await RunEmulator("--urls", running.BaseAddress.ToString().TrimEnd('/'));

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Contains("the port is in use", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }
}
