using System.CommandLine;
using System.Globalization;
using CustomerAddresses.Client;
using CustomerAddresses.Client.Primitives;
using CustomerAddresses.Client.Redis;
using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Cli;

/// <summary>What a command's client is for: how long it may retry, and how it paces.</summary>
internal enum ClientUse
{
    /// <summary>A command a person waits on (<c>customers get</c>): a short retry budget, each retry said on standard error.</summary>
    Interactive,

    /// <summary>An import or an export: the client's retry budget, shown on the progress line; Paddle's rate on Paddle's hosts.</summary>
    Bulk,
}

/// <summary>
/// The options every command takes to reach the server, each with its environment variable, over the named profile
/// (<see cref="Profiles"/>): an option wins over its variable, and both over the profile. The key is never printed.
/// </summary>
internal sealed class Connection
{
    internal const int InteractiveRetries = 2;

    internal Option<string?> BaseUrl { get; } = Make("--base-url", "URL", "The server's base URL.", "CUSTOMERADDRESSES_BASE_URL");

    internal Option<string?> ApiKey { get; } = Make("--api-key", "KEY", "The API key (never printed).", "CUSTOMERADDRESSES_API_KEY");

    internal Option<string?> Dialect { get; } = Make("--dialect", "paddle|apiv1", "The API the server speaks; by default Paddle's hosts speak Paddle and any other the /api/v1 API.", "CUSTOMERADDRESSES_DIALECT");

    internal Option<string?> Profile { get; } = Make("--profile", "NAME", "The stored profile to connect with (default: the one named default, if any).", "CUSTOMERADDRESSES_PROFILE");

    internal Option<string?> RequestsPerMinute { get; } = Make("--requests-per-minute", "N", "The rate to keep to (Paddle's 240 on Paddle's hosts for import and export; elsewhere learned from the server's first 429).", "CUSTOMERADDRESSES_REQUESTS_PER_MINUTE");

    internal Option<string?> RateLimitRedis { get; } = Make("--rate-limit-redis", "HOST:PORT", "Share the rate limit with every run naming the same Redis, host and --rate-limit-name.", "CUSTOMERADDRESSES_RATE_LIMIT_REDIS");

    internal Option<string?> RateLimitName { get; } = Make("--rate-limit-name", "NAME", "The name of the shared limit (default: default).", "CUSTOMERADDRESSES_RATE_LIMIT_NAME");

    internal Option<string?> RateLimitInstances { get; } = Make("--rate-limit-instances", "N", "How many runs share the limit: each paces at 1/N of it while Redis cannot be reached.", "CUSTOMERADDRESSES_RATE_LIMIT_INSTANCES");

    internal Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Log every HTTP call: method, route, status, request id, milliseconds (never a key).", Recursive = true };

    internal Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print only errors and the summary.", Recursive = true };

    /// <summary>The environment variable of each option, for the help's list of them.</summary>
    internal static IReadOnlyList<(string Option, string Variable)> Variables { get; } =
    [
        ("--base-url", "CUSTOMERADDRESSES_BASE_URL"), ("--api-key", "CUSTOMERADDRESSES_API_KEY"), ("--dialect", "CUSTOMERADDRESSES_DIALECT"),
        ("--profile", "CUSTOMERADDRESSES_PROFILE"), ("--requests-per-minute", "CUSTOMERADDRESSES_REQUESTS_PER_MINUTE"),
        ("--rate-limit-redis", "CUSTOMERADDRESSES_RATE_LIMIT_REDIS"), ("--rate-limit-name", "CUSTOMERADDRESSES_RATE_LIMIT_NAME"),
        ("--rate-limit-instances", "CUSTOMERADDRESSES_RATE_LIMIT_INSTANCES"),
    ];

    internal IEnumerable<Option> All => [BaseUrl, ApiKey, Dialect, Profile, RequestsPerMinute, RateLimitRedis, RateLimitName, RateLimitInstances, Verbose, Quiet];

    private static Option<string?> Make(string name, string helpName, string description, string variable) =>
        new(name) { Description = $"{description} [env: {variable}]", HelpName = helpName, Recursive = true };

    /// <summary>How much the run says.</summary>
    internal Verbosity VerbosityOf(ParseResult parse) =>
        parse.GetValue(Verbose) && parse.GetValue(Quiet) ? throw new UsageException("--verbose and --quiet contradict each other: pass one")
        : parse.GetValue(Verbose) ? Verbosity.Verbose
        : parse.GetValue(Quiet) ? Verbosity.Quiet
        : Verbosity.Normal;

    /// <summary>The client a command sends through.</summary>
    /// <exception cref="UsageException">The connection is not usable as given.</exception>
    /// <exception cref="MissingKeyException">The command needs a key and none is given.</exception>
    internal CustomerAddressesClient Create(ParseResult parse, ToolContext context, ClientUse use, bool needsKey = true)
    {
        string? Value(Option<string?> option, string variable) => parse.GetValue(option) is { Length: > 0 } value ? value : context.Variable(variable);
        Profile? profile = Profiles.Find(context.ConfigDirectory, Value(Profile, "CUSTOMERADDRESSES_PROFILE"));
        string? url = Value(BaseUrl, "CUSTOMERADDRESSES_BASE_URL") ?? profile?.BaseUrl;
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new UsageException("no server: pass --base-url URL, set CUSTOMERADDRESSES_BASE_URL, or save a profile (customeraddresses profile set default --base-url URL)");
        }

        Uri baseAddress = BaseAddressOf(url);
        var options = new CustomerAddressesClientOptions
        {
            BaseAddress = baseAddress,
            Dialect = DialectOf(Value(Dialect, "CUSTOMERADDRESSES_DIALECT") ?? profile?.Dialect, "--dialect (or CUSTOMERADDRESSES_DIALECT)"),
            ApiKey = Value(ApiKey, "CUSTOMERADDRESSES_API_KEY") ?? profile?.ApiKey,
        };
        if (needsKey && options.ApiKey is null)
        {
            throw new MissingKeyException();
        }

        bool paddleHost = baseAddress.Host == PaddleEnvironment.Live.Host || baseAddress.Host == PaddleEnvironment.Sandbox.Host;
        string? redis = Value(RateLimitRedis, "CUSTOMERADDRESSES_RATE_LIMIT_REDIS");
        options.RateLimit.RequestsPerMinute = Whole(RequestsPerMinute, Value(RequestsPerMinute, "CUSTOMERADDRESSES_REQUESTS_PER_MINUTE"), 1, 60_000)
            ?? ((use == ClientUse.Bulk || redis is not null) && paddleHost ? CustomerAddressesRateLimitOptions.PaddleRequestsPerMinute : null);
        options.RateLimit.LearnFromServer = true; // elsewhere than Paddle's hosts: paced from the first 429 on, never bursting into it again
        if (use == ClientUse.Interactive)
        {
            // A person is waiting: a dead server is reported within about two seconds, each retry said as it starts.
            options.Retry.MaxRetries = InteractiveRetries;
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(500);
            options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        }
        else
        {
            options.Retry.MaxRetries = 6;
        }

        if (redis is not null)
        {
            if (options.RateLimit.RequestsPerMinute is null)
            {
                throw new UsageException("--rate-limit-redis shares a limit: say which with --requests-per-minute N (on Paddle's hosts, 240 by default)");
            }

            string name = Value(RateLimitName, "CUSTOMERADDRESSES_RATE_LIMIT_NAME") ?? "default";
            int instances = Whole(RateLimitInstances, Value(RateLimitInstances, "CUSTOMERADDRESSES_RATE_LIMIT_INSTANCES"), 1, 1_000) ?? 1;
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
        }

        options.LoggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new ToolLog(context.Error, VerbosityOf(parse), use == ClientUse.Interactive)));
        try
        {
            return context.ClientFactory(options);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>A base URL as <c>--base-url</c> takes it: absolute, http or https.</summary>
    /// <exception cref="UsageException">It is not.</exception>
    internal static Uri BaseAddressOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out Uri? address) && address.Scheme is "http" or "https"
            ? address
            : throw new UsageException($"--base-url takes an absolute http or https URL, not {Echo.Quote(url, 200)}");

    /// <summary>A dialect as <c>--dialect</c> names it (<c>paddle</c>, <c>apiv1</c>), or null for none; <paramref name="source"/> names where it came from in the message.</summary>
    /// <exception cref="UsageException">It names no dialect.</exception>
    internal static ApiDialect? DialectOf(string? text, string source) => text switch
    {
        null => null,
        "paddle" => ApiDialect.PaddleBilling,
        "apiv1" => ApiDialect.CustomersApiV1,
        _ => throw new UsageException($"{source} takes paddle or apiv1, not {Echo.Quote(text)}"),
    };

    private static int? Whole(Option option, string? text, int min, int max) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max ? value
        : throw new UsageException($"{option.Name} takes a whole number from {min} to {max}, not {Echo.Quote(text)}");
}
