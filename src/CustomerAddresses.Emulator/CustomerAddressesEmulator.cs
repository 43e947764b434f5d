using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Emulator;

/// <summary>
/// An in-memory server of the whole API (customers, addresses, billing addresses) over real HTTP, for samples and
/// tests that need no account and no network. Start one with <see cref="StartAsync"/>; dispose it to stop it.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await CustomerAddressesEmulator.StartAsync();
/// using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = emulator.BaseAddress });
/// </code>
/// </example>
public sealed class CustomerAddressesEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorStore _store;
    private readonly BillingStore _billing;
    private readonly SessionState _session;
    private readonly List<EmulatedRequest> _log;

    private CustomerAddressesEmulator(WebApplication app, EmulatorStore store, BillingStore billing, SessionState session, List<EmulatedRequest> log, EmulatorStatistics statistics, CustomerAddressesEmulatorOptions options, Uri baseAddress)
    {
        _app = app;
        _store = store;
        _billing = billing;
        _session = session;
        _log = log;
        Statistics = statistics;
        Options = options;
        BaseAddress = baseAddress;
    }

    /// <summary>Gets the address the emulator listens on, such as <c>http://127.0.0.1:51234/</c>; use it as the client's base address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>
    /// Gets the address of the /api/v1 customers API the emulator serves too, such as
    /// <c>http://127.0.0.1:51234/api/v1/</c>: <c>cus_</c> ids, <c>country</c>, the offset list body of seed 001. The root
    /// (<see cref="BaseAddress"/>) serves Paddle's dialect, and takes the /api/v1 create bodies as well.
    /// </summary>
    public Uri ApiV1BaseAddress => new(BaseAddress, "api/v1/");

    /// <summary>Gets the options the emulator was started with.</summary>
    public CustomerAddressesEmulatorOptions Options { get; }

    /// <summary>Gets the running counts of requests and injected faults.</summary>
    public EmulatorStatistics Statistics { get; }

    /// <summary>Gets a snapshot of every request received so far, in arrival order (when <see cref="CustomerAddressesEmulatorOptions.RecordRequests"/> is on).</summary>
    public IReadOnlyList<EmulatedRequest> Requests
    {
        get
        {
            lock (_log)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>Gets the session token the billing endpoints accept now: <see cref="CustomerAddressesEmulatorOptions.SessionToken"/> until the first rotation.</summary>
    public string? SessionToken => _session.Current;

    /// <summary>Gets how many times the session token was rotated.</summary>
    public int SessionRotations => _session.Rotations;

    /// <summary>Gets how many customers are stored.</summary>
    public int CustomerCount => _store.CustomerCount;

    /// <summary>Starts an emulator.</summary>
    /// <param name="options">How it behaves; <see langword="null"/> for a loopback server on a free port with no faults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator.</returns>
    public static async Task<CustomerAddressesEmulator> StartAsync(CustomerAddressesEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CustomerAddressesEmulatorOptions();
        foreach (double rate in new[] { options.ServerErrorRate, options.RateLimitRate, options.LatencyRate, options.AbortRate })
        {
            ArgumentOutOfRangeException.ThrowIfNegative(rate, nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.RotateSessionEvery, nameof(options));

        if (options.ServerErrorRate + options.RateLimitRate + options.LatencyRate + options.AbortRate > 1)
        {
            throw new ArgumentException("The fault rates must add up to at most 1.", nameof(options));
        }

        options.Seed ??= Random.Shared.Next();

        // An empty builder: no configuration sources (no environment variables such as Kestrel__Endpoints__…, no
        // appsettings.json from the working directory, no file watchers), no logging; only what the options say.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls(options.Url);
        builder.Services.AddRoutingCore();
        WebApplication app = builder.Build();

        var statistics = new EmulatorStatistics();
        var log = new List<EmulatedRequest>();
        var ids = new IdGenerator(options.Seed.Value);
        var store = new EmulatorStore(ids, TimeProvider.System);
        var apiV1 = new EmulatorStore(ids, TimeProvider.System, customerPrefix: "cus_");
        var billing = new BillingStore(ids, TimeProvider.System, options.Organizations);
        var session = new SessionState(options.SessionToken, options.RotateSessionEvery);
        var middleware = new EmulatorMiddleware(options, statistics, log);
        app.Use(middleware.InvokeAsync);
        BillingEndpoints.Map(app, billing, session, options);
        EmulatorEndpoints.Map(app, store, apiV1, options);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CustomerAddressesEmulator(app, store, billing, session, log, statistics, options, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Adds an organization whose billing the signed-in user manages, with a snowflake id as Wacht's server issues.</summary>
    /// <returns>The organization's id, such as <c>7318049210374193152</c>.</returns>
    public string CreateOrganization() => _billing.CreateOrganization();

    /// <summary>Gets how many addresses a customer has, of any status.</summary>
    /// <param name="customerId">The customer's raw id.</param>
    /// <returns>The count, or 0 for an unknown customer.</returns>
    public int AddressCount(string customerId) => _store.AddressCount(customerId);

    /// <summary>Waits until the emulator is stopped (for example by Ctrl+C when run as a program).</summary>
    /// <returns>A task that ends when the emulator stops.</returns>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    /// <summary>Stops the server and releases its port.</summary>
    /// <returns>A task that ends when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
