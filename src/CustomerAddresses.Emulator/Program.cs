using System.Globalization;
using CustomerAddresses.Client.Testing;

namespace CustomerAddresses.Emulator;

/// <summary>
/// The emulator as a program of its own. It reads only its command line: no environment variable, no file of the
/// working directory. <c>--help</c> lists the options; a bad option is one line on standard error and exit code 2.
/// </summary>
internal static class Program
{
    private const string WebhookOption = "--webhook";

    private static readonly (string Name, string Value, string Help, Action<CustomerAddressesEmulatorOptions, string> Set)[] s_options =
    [
        (WebhookOption, "URL", "send every customer, address, business and payment method event there, signed; the secret key is printed (repeatable)", static (_, _) => { }),
        ("--urls", "URL", "where to listen over http (default http://127.0.0.1:5080; port 0 picks a free one)", (o, v) => o.Url = v),
        ("--https", "true|false", "also listen over https on a free loopback port, with a self-signed certificate", (o, v) => o.UseHttps = Bool(v)),
        ("--api-key", "KEY", "the API key every request must carry as Authorization: Bearer KEY (default: none needed)", (o, v) => o.ApiKey = v),
        ("--session-token", "TOKEN", "the session token the billing endpoints require (default: none needed)", (o, v) => o.SessionToken = v),
        ("--rotate-session-every", "N", "rotate the session token every N signed-in requests (default 0: never)", (o, v) => o.RotateSessionEvery = Int(v, 0)),
        ("--development-sessions", "true|false", "rotate sessions with X-Development-Session instead of Set-Cookie", (o, v) => o.DevelopmentSessions = Bool(v)),
        ("--offset-paging", "true|false", "list addresses at the root in the offset shape of seed 001", (o, v) => o.OffsetPaging = Bool(v)),
        ("--seed", "N", "seed of the fault dice and of ids (default: a new one each run)", (o, v) => o.Seed = Int(v, int.MinValue)),
        ("--server-error-rate", "0..1", "share of requests answered 503", (o, v) => o.ServerErrorRate = Rate(v)),
        ("--rate-limit-rate", "0..1", "share of requests answered 429 with Retry-After", (o, v) => o.RateLimitRate = Rate(v)),
        ("--requests-per-minute", "N", "Paddle's rate limit: at most N requests a minute per IP address, then 429 (Paddle's is 240; default: none)", (o, v) => o.RequestsPerMinute = Int(v, 1)),
        ("--retry-after-seconds", "N", "longest Retry-After of injected 429s (default 1)", (o, v) => o.RetryAfterSeconds = Int(v, 0)),
        ("--latency-rate", "0..1", "share of requests delayed by --latency", (o, v) => o.LatencyRate = Rate(v)),
        ("--latency", "hh:mm:ss", "delay of a delayed request (default 00:00:02)", (o, v) => o.Latency = TimeSpan.Parse(v, CultureInfo.InvariantCulture)),
        ("--abort-rate", "0..1", "share of requests processed, then cut off halfway through the answer", (o, v) => o.AbortRate = Rate(v)),
        ("--webhook-drop-rate", "0..1", "share of webhook deliveries lost for good (only the events list has them)", (o, v) => o.WebhookDropRate = Rate(v)),
        ("--webhook-duplicate-rate", "0..1", "share of webhook deliveries delivered twice", (o, v) => o.WebhookDuplicateRate = Rate(v)),
        ("--webhook-max-delay", "hh:mm:ss", "longest random wait before a webhook delivery: late, and out of order (default 00:00:00)", (o, v) => o.WebhookMaxDelay = TimeSpan.Parse(v, CultureInfo.InvariantCulture)),
    ];

    private static async Task<int> Main(string[] args)
    {
        if (args is ["--help"] or ["-h"] or ["-?"])
        {
            Console.WriteLine(Usage());
            return 0;
        }

        CustomerAddressesEmulatorOptions options;
        List<Uri> webhooks;
        try
        {
            (options, webhooks) = Parse(args);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            Console.Error.WriteLine($"CustomerAddresses.Emulator: {OneLine(e.Message)} (--help lists the options)");
            return 2;
        }

        CustomerAddressesEmulator emulator;
        try
        {
            emulator = await CustomerAddressesEmulator.StartAsync(options);
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"CustomerAddresses.Emulator: cannot listen on {options.Url}: the port is in use (choose another with --urls, or port 0 for a free one)");
            return 1;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"CustomerAddresses.Emulator: {Describe(e)} (--help lists the options)");
            return 2;
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
        {
            Console.Error.WriteLine($"CustomerAddresses.Emulator: cannot listen on {options.Url}: {OneLine(e.Message)}");
            return 1;
        }

        await using (emulator)
        {
            Console.WriteLine($"CustomerAddresses emulator listening on {emulator.BaseAddress} (Paddle's dialect and billing addresses; /api/v1 at {emulator.ApiV1BaseAddress})");
            if (emulator.HttpsBaseAddress is { } https)
            {
                Console.WriteLine($"and on {https} with a self-signed certificate, SHA-256 {emulator.Certificate!.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256)}");
            }

            foreach (Uri webhook in webhooks)
            {
                // The key is the emulator's own, made for this run: printed so a test can verify what it receives.
                Console.WriteLine($"webhooks to {webhook}, signed with the secret key {emulator.AddWebhookDestination(webhook)}");
            }

            Console.WriteLine($"seed {options.Seed}; Ctrl+C stops it");
            await emulator.WaitForShutdownAsync();
            Console.WriteLine(emulator.Statistics);
        }

        return 0;
    }

    internal static (CustomerAddressesEmulatorOptions Options, List<Uri> Webhooks) Parse(string[] args)
    {
        var options = new CustomerAddressesEmulatorOptions { Url = "http://127.0.0.1:5080", RecordRequests = false };
        var webhooks = new List<Uri>();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string? value = null;
            if (arg.IndexOf('=', StringComparison.Ordinal) is var equals and > 0)
            {
                value = arg[(equals + 1)..];
                arg = arg[..equals];
            }

            int index = Array.FindIndex(s_options, o => o.Name == arg);
            if (index < 0)
            {
                throw new ArgumentException($"unknown option '{arg}'");
            }

            value ??= i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value ({s_options[index].Value})");
            if (arg == WebhookOption)
            {
                webhooks.Add(Uri.TryCreate(value, UriKind.Absolute, out Uri? url) && url.Scheme is "http" or "https"
                    ? url
                    : throw new FormatException($"{WebhookOption} takes an absolute http or https URL, not '{value}'"));
                continue;
            }

            try
            {
                s_options[index].Set(options, value);
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw new FormatException($"{arg} takes {s_options[index].Value}, not '{value}'");
            }
        }

        return (options, webhooks);
    }

    private static string Usage() =>
        "An in-memory emulator of the customers, addresses and billing addresses API: Paddle's dialect at the root,\n"
        + "the /api/v1 API under /api/v1/, Wacht's billing addresses under /organizations/.\n\n"
        + "Usage: CustomerAddresses.Emulator [--option value]...\n\nOptions:\n"
        + string.Join('\n', s_options.Select(o => $"  {o.Name + " " + o.Value,-34} {o.Help}"))
        + "\n  --help                             this text";

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    /// <summary>An option's problem in one line, without the parameter name .NET appends to the message.</summary>
    private static string Describe(ArgumentException e) =>
        OneLine(e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : e.Message);

    private static bool Bool(string value) => bool.Parse(value);

    private static int Int(string value, int min) =>
        int.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) is var n && n >= min ? n : throw new FormatException();

    private static double Rate(string value) =>
        double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture) is var rate && rate is >= 0 and <= 1 ? rate : throw new FormatException();
}
