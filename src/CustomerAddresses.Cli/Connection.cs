using CustomerAddresses.Client;
using CustomerAddresses.Client.Primitives;
using CustomerAddresses.Client.Redis;
using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Cli;

/// <summary>
/// The client a command sends through: <c>--base-url</c> and <c>--api-key</c>, or the environment variables the QuickStart
/// sample reads (<c>CUSTOMERADDRESSES_BASE_URL</c>, <c>CUSTOMERADDRESSES_API_KEY</c>); <c>--dialect</c> when the host
/// does not say; <c>--rate-limit-redis</c> (<c>CUSTOMERADDRESSES_RATE_LIMIT_REDIS</c>) to share the rate limit with every
/// other run that names the same Redis, host and <c>--rate-limit-name</c>. The key is never printed.
/// </summary>
internal static class Connection
{
    internal static readonly string[] Options =
        ["--base-url", "--api-key", "--dialect", "--requests-per-minute", "--rate-limit-redis", "--rate-limit-name", "--rate-limit-instances"];

    /// <param name="args">The command line.</param>
    /// <param name="paddleRateOnPaddle">
    /// Whether, on Paddle's hosts, to keep to Paddle's rate limit unless <c>--requests-per-minute</c> says otherwise (a
    /// limit shared through Redis always does: the limit it shares is the host's).
    /// </param>
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
        string? redis = args.OrEnvironment("--rate-limit-redis", "CUSTOMERADDRESSES_RATE_LIMIT_REDIS");
        options.RateLimit.RequestsPerMinute = args.Int("--requests-per-minute", 1, 60_000)
            ?? ((paddleRateOnPaddle || redis is not null) && (baseAddress.Host == PaddleEnvironment.Live.Host || baseAddress.Host == PaddleEnvironment.Sandbox.Host)
                ? CustomerAddressesRateLimitOptions.PaddleRequestsPerMinute
                : null);
        options.Retry.MaxRetries = 6;
        options.RateLimit.LearnFromServer = true; // elsewhere than Paddle's hosts: paced from the first 429 on, never bursting into it again
        if (redis is not null)
        {
            if (options.RateLimit.RequestsPerMinute is null)
            {
                throw new UsageException("--rate-limit-redis shares a limit: say which with --requests-per-minute N (on Paddle's hosts, 240 by default)");
            }

            string name = args.OrEnvironment("--rate-limit-name", "CUSTOMERADDRESSES_RATE_LIMIT_NAME") ?? "default";
            int instances = args.Int("--rate-limit-instances", 1, 1_000, "CUSTOMERADDRESSES_RATE_LIMIT_INSTANCES") ?? 1;
            try
            {
                options.RateLimit.UseRedis(r =>
                {
                    r.Configuration = redis;
                    r.Name = name;
                    r.Instances = instances;
                });
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }

            options.LoggerFactory = LoggerFactory.Create(b => b.AddProvider(new ToolLog()));
        }

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
