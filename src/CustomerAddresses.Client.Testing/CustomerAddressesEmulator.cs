using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Client.Testing;

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
    private NotificationCenter _webhooks = null!;
    private PaddleCustomerEndpoints _paddleCustomers = null!;
    private PaymentMethodEndpoints _paymentMethods = null!;

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
    /// <c>http://127.0.0.1:51234/api/v1/</c>, as seeds 000, 001 and 003 document it: <c>cus_</c> ids, <c>country</c>,
    /// bare objects, the offset list body of seed 001. The root (<see cref="BaseAddress"/>) serves Paddle's dialect only,
    /// exactly as Paddle documents it, and Wacht's billing addresses.
    /// </summary>
    public Uri ApiV1BaseAddress => new(BaseAddress, "api/v1/");

    /// <summary>
    /// Gets the https address of the same API, such as <c>https://127.0.0.1:51235/</c>, when
    /// <see cref="CustomerAddressesEmulatorOptions.UseHttps"/> is on; otherwise <see langword="null"/>. Its certificate is
    /// <see cref="Certificate"/>.
    /// </summary>
    public Uri? HttpsBaseAddress { get; private init; }

    /// <summary>
    /// Gets the self-signed certificate of <see cref="HttpsBaseAddress"/>, made at start, for a test to trust (for example
    /// by comparing thumbprints in <c>SocketsHttpHandler.SslOptions.RemoteCertificateValidationCallback</c>); otherwise
    /// <see langword="null"/>.
    /// </summary>
    public X509Certificate2? Certificate { get; private init; }

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
    /// <exception cref="ArgumentException">An option is out of range, or <see cref="CustomerAddressesEmulatorOptions.Url"/> is not an address to listen on.</exception>
    /// <exception cref="IOException">The address could not be bound, for example because its port is in use.</exception>
    public static async Task<CustomerAddressesEmulator> StartAsync(CustomerAddressesEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CustomerAddressesEmulatorOptions();
        foreach (double rate in new[] { options.ServerErrorRate, options.RateLimitRate, options.LatencyRate, options.AbortRate })
        {
            ArgumentOutOfRangeException.ThrowIfNegative(rate, nameof(options));
        }

        foreach (double rate in new[] { options.WebhookDropRate, options.WebhookDuplicateRate })
        {
            ArgumentOutOfRangeException.ThrowIfNegative(rate, nameof(options));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1, nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.WebhookMaxDelay.Ticks, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.RotateSessionEvery, nameof(options));
        if (options.RequestsPerMinute is < 1 or > CustomerAddressesEmulatorOptions.MaxRequestsPerMinute)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.RequestsPerMinute, $"RequestsPerMinute must be from 1 to {CustomerAddressesEmulatorOptions.MaxRequestsPerMinute.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}, or null for no limit.");
        }

        if (options.ServerErrorRate + options.RateLimitRate + options.LatencyRate + options.AbortRate > 1)
        {
            throw new ArgumentException("The fault rates must add up to at most 1.", nameof(options));
        }

        IPEndPoint listen = ListenAddress.Parse(options.Url);
        options.Seed ??= Random.Shared.Next();

        // An empty builder: no configuration sources (no environment variables such as Kestrel__Endpoints__…, no
        // appsettings.json from the working directory, no file watchers), no logging; only what the options say.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        X509Certificate2? certificate = options.UseHttps ? SelfSignedCertificate.Create(TimeProvider.System) : null;
        builder.WebHost.ConfigureKestrel(kestrel => Listen(kestrel, listen, certificate));
        builder.Services.AddRoutingCore();
        WebApplication app = builder.Build();

        var statistics = new EmulatorStatistics();
        var log = new List<EmulatedRequest>();
        var clock = new EmulatorClock(options.TimeProvider ?? TimeProvider.System);
        var ids = new IdGenerator(options.Seed.Value, clock.Time);
        var store = new EmulatorStore(ids, clock, EmulatorDialect.Paddle);
        var apiV1 = new EmulatorStore(ids, clock, EmulatorDialect.ApiV1);
        var billing = new BillingStore(ids, clock, options.Organizations);
        var webhooks = new NotificationCenter(ids, clock, options);
        store.Changed = webhooks.Publish;
        var paddleCustomers = new PaddleCustomerEndpoints(store, ids, clock);
        var businesses = new BusinessEndpoints(store, ids, clock);
        var paymentMethods = new PaymentMethodEndpoints(store, ids, clock);
        var session = new SessionState(options.SessionToken, options.RotateSessionEvery, ids, clock.Time);
        var middleware = new EmulatorMiddleware(options, statistics, log);
        app.Use(middleware.InvokeAsync);
        BillingEndpoints.Map(app, billing, session, options);
        paddleCustomers.Map(app);
        businesses.Map(app);
        paymentMethods.Map(app);
        NotificationEndpoints.Map(app, webhooks);
        EmulatorEndpoints.Map(app, store, apiV1, options);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            await webhooks.DisposeAsync().ConfigureAwait(false);
            certificate?.Dispose();
            session.Dispose();
            if (e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressNotAvailable }
                or IOException { InnerException: System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressNotAvailable } })
            {
                throw new ArgumentException($"The emulator's Url '{options.Url}' names an address that is not one of this machine's.", nameof(options), e);
            }

            throw;
        }

        ICollection<string> addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Uri Address(string scheme) => new(addresses.First(a => a.StartsWith(scheme + "://", StringComparison.Ordinal)).TrimEnd('/') + "/");
        return new CustomerAddressesEmulator(app, store, billing, session, log, statistics, options, Address(Uri.UriSchemeHttp))
        {
            _webhooks = webhooks,
            _paddleCustomers = paddleCustomers,
            _paymentMethods = paymentMethods,
            HttpsBaseAddress = certificate is null ? null : Address(Uri.UriSchemeHttps),
            Certificate = certificate,
        };
    }

    /// <summary>Listens on <paramref name="endPoint"/> (plain http), and on a free loopback port over https when a certificate is given.</summary>
    private static void Listen(KestrelServerOptions kestrel, IPEndPoint endPoint, X509Certificate2? certificate)
    {
        kestrel.Listen(endPoint);
        if (certificate is not null)
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
        }
    }

    /// <summary>
    /// Registers a webhook destination: a notification setting, as <c>POST /notification-settings</c> creates one, subscribed
    /// to every event of a customer's graph at the root (<c>customer.*</c>, <c>address.*</c> and <c>business.*</c>:
    /// created, updated, imported, archiving being an update; <c>payment_method.saved</c> and <c>.deleted</c>). Each is
    /// <c>POST</c>ed to <paramref name="url"/>, signed with <paramref name="secretKey"/> in <c>Paddle-Signature</c>, and
    /// retried after <see cref="CustomerAddressesEmulatorOptions.WebhookRetryDelays"/> until it is answered 2xx within 5 seconds.
    /// </summary>
    /// <param name="url">Where to send the webhooks.</param>
    /// <param name="secretKey">The secret key to sign them with, such as <c>pdl_ntfset_…</c>.</param>
    /// <exception cref="ArgumentException">The URL is not absolute http(s) or carries user information, or the key is empty.</exception>
    public void AddWebhookDestination(Uri url, string secretKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        _webhooks.AddDestination(CheckDestination(url), secretKey);
    }

    /// <summary>
    /// Registers a webhook destination as <see cref="AddWebhookDestination(Uri, string)"/> does, with a secret key made as
    /// Paddle makes one (<c>pdl_ntfset_…</c>), and returns it.
    /// </summary>
    /// <param name="url">Where to send the webhooks.</param>
    /// <returns>The destination's secret key, to verify its webhooks with.</returns>
    /// <exception cref="ArgumentException">The URL is not absolute http(s) or carries user information.</exception>
    public string AddWebhookDestination(Uri url) => _webhooks.AddDestination(CheckDestination(url), secretKey: null);

    private static Uri CheckDestination(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return NotificationEndpoints.IsWebhookUrl(url)
            ? url
            : throw new ArgumentException("A webhook destination must be an absolute http or https URL without user information.", nameof(url));
    }

    /// <summary>
    /// Sets a customer's credit balance in one currency, as Paddle keeps one when it credits a customer, for
    /// <c>GET /customers/{customer_id}/credit-balances</c> to list. Amounts are in the currency's lowest denomination, as strings.
    /// </summary>
    /// <param name="customerId">The customer's raw id (<c>ctm_…</c>).</param>
    /// <param name="currencyCode">A currency Paddle supports, such as <c>USD</c>.</param>
    /// <param name="available">The total available to use, such as <c>"550"</c>.</param>
    /// <param name="reserved">The total reserved for billed transactions.</param>
    /// <param name="used">The total used.</param>
    /// <exception cref="ArgumentException">An argument is empty, or the currency is not one Paddle supports.</exception>
    public void SetCreditBalance(string customerId, string currencyCode, string available, string reserved = "0", string used = "0")
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentException.ThrowIfNullOrEmpty(available);
        ArgumentException.ThrowIfNullOrEmpty(reserved);
        ArgumentException.ThrowIfNullOrEmpty(used);
        if (currencyCode is null || !PaddleCountries.IsSupportedCurrency(currencyCode))
        {
            throw new ArgumentException("The currency must be one Paddle supports, such as USD.", nameof(currencyCode));
        }

        _paddleCustomers.SetCreditBalance(customerId, currencyCode, available, reserved, used);
    }

    /// <summary>
    /// Saves a payment method for a customer of Paddle's dialect, as Paddle does when the customer saves one at checkout
    /// (which the emulator does not have), and raises <c>payment_method.saved</c>. A card is a Visa ending 4242 held by
    /// Sam Miller; a PayPal account is <c>sam@example.com</c>. Programs that run the emulator as a tool use its own route
    /// instead: <c>POST /emulator/customers/{customer_id}/payment-methods</c> with <c>{"type":"card"}</c>.
    /// </summary>
    /// <param name="customerId">The customer's raw id (<c>ctm_…</c>).</param>
    /// <param name="addressId">The address it was saved with; the customer's first address when <see langword="null"/>.</param>
    /// <param name="type">Paddle's kind of payment method, such as <c>card</c> (the default) or <c>paypal</c>.</param>
    /// <returns>The saved payment method's id (<c>paymtd_…</c>).</returns>
    /// <exception cref="ArgumentException">An argument is empty, or there is no such customer.</exception>
    public string SavePaymentMethod(string customerId, string? addressId = null, string type = "card")
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentException.ThrowIfNullOrEmpty(type);
        return _paymentMethods.Save(customerId, addressId, type) is { } saved
            ? (string)saved["id"]!
            : throw new ArgumentException("There is no such customer in Paddle's dialect.", nameof(customerId));
    }

    /// <summary>Gets every webhook delivery attempt so far, in order, with the destination's answer.</summary>
    public IReadOnlyList<WebhookDelivery> WebhookDeliveries => _webhooks.Deliveries;

    /// <summary>Waits until every webhook delivery under way, retries included, has ended.</summary>
    /// <param name="cancellationToken">Stops the wait (not the deliveries).</param>
    /// <returns>A task that ends when no delivery is under way.</returns>
    public Task WaitForWebhooksAsync(CancellationToken cancellationToken = default) => _webhooks.WhenIdleAsync(cancellationToken);

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
        await _webhooks.DisposeAsync().ConfigureAwait(false);
        Certificate?.Dispose();
        _session.Dispose();
    }
}
