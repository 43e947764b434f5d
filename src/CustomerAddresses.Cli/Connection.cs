using CustomerAddresses.Client;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Cli;

/// <summary>
/// The client a command sends through: <c>--base-url</c> and <c>--api-key</c>, or the environment variables the QuickStart
/// sample reads (<c>CUSTOMERADDRESSES_BASE_URL</c>, <c>CUSTOMERADDRESSES_API_KEY</c>); <c>--dialect</c> when the host
/// does not say. The key is never printed.
/// </summary>
internal static class Connection
{
    internal static readonly string[] Options = ["--base-url", "--api-key", "--dialect", "--requests-per-minute"];

    /// <param name="args">The command line.</param>
    /// <param name="paddleRateOnPaddle">Whether, on Paddle's hosts, to keep to Paddle's rate limit unless <c>--requests-per-minute</c> says otherwise.</param>
    internal static CustomerAddressesClient Create(Arguments args, bool paddleRateOnPaddle = false)
    {
        string? url = args["--base-url"] ?? Environment.GetEnvironmentVariable("CUSTOMERADDRESSES_BASE_URL");
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new UsageException("no server: pass --base-url URL, or set CUSTOMERADDRESSES_BASE_URL");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? baseAddress))
        {
            throw new UsageException($"--base-url takes an absolute URL, not {Echo.Quote(url, 200)}");
        }

        ApiDialect? dialect = args.OneOf("--dialect", "paddle", "apiv1") switch
        {
            "paddle" => ApiDialect.PaddleBilling,
            "apiv1" => ApiDialect.CustomersApiV1,
            _ => null,
        };
        var options = new CustomerAddressesClientOptions
        {
            BaseAddress = baseAddress,
            Dialect = dialect,
            ApiKey = args["--api-key"] ?? Environment.GetEnvironmentVariable("CUSTOMERADDRESSES_API_KEY"),
        };
        options.RateLimit.RequestsPerMinute = args.Int("--requests-per-minute", 1, 60_000)
            ?? (paddleRateOnPaddle && (baseAddress.Host == PaddleEnvironment.Live.Host || baseAddress.Host == PaddleEnvironment.Sandbox.Host)
                ? CustomerAddressesRateLimitOptions.PaddleRequestsPerMinute
                : null);
        options.Retry.MaxRetries = 6;
        try
        {
            return new CustomerAddressesClient(options);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
