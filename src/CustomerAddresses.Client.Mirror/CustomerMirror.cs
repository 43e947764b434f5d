namespace CustomerAddresses.Client.Mirror;

/// <summary>
/// Keeps tables equal to Paddle's customers, addresses, businesses and saved payment methods in your own database
/// (<see cref="CustomerMirrorOptions.SqlitePath"/> or <see cref="CustomerMirrorOptions.PostgresConnectionString"/>),
/// through three ways in with one set of rules: a backfill of every entity (archived ones included), catch-up from the
/// events list after the last event applied, and the webhooks your endpoint hands to <see cref="ApplyAsync"/>. Each
/// event is applied at most once (by its id); a row is never overwritten by an older state (by <c>updated_at</c>; on a
/// tie with other content the entity is fetched from the API); a deleted payment method is removed and stays removed;
/// and the row and the record of its event are written in one transaction, so a process killed at any instant loses
/// and doubles nothing. Many instances may share one PostgreSQL database: any of them may apply any webhook, and one at
/// a time leads the backfill and catch-up. Thread-safe.
/// </summary>
public sealed class CustomerMirror
{
    /// <summary>The events the mirror applies; the events list is asked for these only.</summary>
    private static readonly string[] s_eventTypes =
    [
        PaddleWebhookEventTypes.CustomerCreated, PaddleWebhookEventTypes.CustomerUpdated, PaddleWebhookEventTypes.CustomerImported,
        PaddleWebhookEventTypes.AddressCreated, PaddleWebhookEventTypes.AddressUpdated, PaddleWebhookEventTypes.AddressImported,
        PaddleWebhookEventTypes.BusinessCreated, PaddleWebhookEventTypes.BusinessUpdated, PaddleWebhookEventTypes.BusinessImported,
        PaddleWebhookEventTypes.PaymentMethodSaved, PaddleWebhookEventTypes.PaymentMethodDeleted,
    ];

    private static readonly TimeSpan s_catchUpGap = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_tick = TimeSpan.FromMilliseconds(250);
    private readonly CustomerAddressesClient _client;
    private readonly CustomerMirrorOptions _options;
    private readonly MirrorStore _store;
    private readonly SemaphoreSlim _migrated = new(1, 1);
    private readonly MirrorCounters _counters = new();
    private volatile bool _isMigrated;
    private int _catchUpWanted;

    /// <summary>Creates a mirror of what <paramref name="client"/> reads into the database <paramref name="options"/> names.</summary>
    /// <param name="client">A client of Paddle Billing; it stays the caller's to dispose. Its rate limit (a shared one too) paces the mirror.</param>
    /// <param name="options">The database, and how far back Paddle lists events.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The options name no database or two, or an invalid retention.</exception>
    /// <exception cref="NotSupportedException">The client speaks /api/v1, which has no events, businesses or payment methods.</exception>
    public CustomerMirror(CustomerAddressesClient client, CustomerMirrorOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        if (!client.Dialect.HasBusinesses || !client.Dialect.HasPaymentMethods)
        {
            throw new NotSupportedException($"The mirror keeps Paddle Billing's customer graph; {client.Dialect.Name} has no events, businesses or saved payment methods.");
        }

        if (string.IsNullOrWhiteSpace(options.SqlitePath) == string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            throw new ArgumentException("Name one database: options.SqlitePath or options.PostgresConnectionString.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.EventRetention, TimeSpan.FromHours(1), "options.EventRetention");
        _client = client;
        _options = options;
        _store = options.SqlitePath is { Length: > 0 } path ? MirrorStore.Sqlite(Path.GetFullPath(path)) : MirrorStore.Postgres(options.PostgresConnectionString!);
    }

    /// <summary>Gets what this instance did so far: rows written, events applied and skipped, entities fetched.</summary>
    public MirrorProgress Progress => _counters.Snapshot();

    /// <summary>Gets whether a webhook suggested that the events list holds events not yet applied: the hosted service then runs a catch-up soon.</summary>
    public bool CatchUpWanted => Volatile.Read(ref _catchUpWanted) != 0;

    /// <summary>
    /// Brings the database up to date: creates or migrates the tables, backfills when it never did (or when it last caught
    /// up longer ago than Paddle keeps events, <see cref="CustomerMirrorOptions.EventRetention"/>), then applies
    /// every event after the last one applied. Killed at any point, the next call continues where it stopped. When
    /// another instance leads (PostgreSQL), it returns at once with <see cref="MirrorProgress.Led"/> false.
    /// </summary>
    /// <param name="progress">Told after each customer of a backfill and each page of events; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Stops it; what was applied stays applied.</param>
    /// <returns>What this instance did so far, with whether this call led.</returns>
    /// <exception cref="CustomerAddressesApiException">The API refused a request (credentials, permissions), or kept failing.</exception>
    /// <exception cref="InvalidOperationException">The database was written by a newer version of the mirror.</exception>
    public async Task<MirrorProgress> SyncAsync(IProgress<MirrorProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await MigrateOnceAsync(cancellationToken).ConfigureAwait(false);
        IAsyncDisposable? lead = await _store.TryLeadAsync(cancellationToken).ConfigureAwait(false);
        if (lead is null)
        {
            return _counters.Snapshot() with { Led = false };
        }

        await using (lead.ConfigureAwait(false))
        {
            Interlocked.Exchange(ref _catchUpWanted, 0);
            if (await BackfillNeededAsync(cancellationToken).ConfigureAwait(false))
            {
                await BackfillAsync(progress, cancellationToken).ConfigureAwait(false);
            }

            await CatchUpAsync(progress, cancellationToken).ConfigureAwait(false);
            await _store.PruneEventsAsync(_client.TimeProvider.GetUtcNow() - _options.EventRetention, cancellationToken).ConfigureAwait(false);
        }

        return _counters.Snapshot();
    }

    /// <summary>
    /// Applies one verified webhook event: its entity's state, at most once by the event's id, never over a newer one; a
    /// deleted payment method is removed. Events of other kinds are recorded and change nothing. Call it from your
    /// webhook endpoint with what the verifier returned; it also asks for a catch-up (<see cref="CatchUpWanted"/>), so
    /// that events whose deliveries were lost are applied from the events list.
    /// </summary>
    /// <param name="webhookEvent">The verified event.</param>
    /// <param name="cancellationToken">Stops it; nothing of the event is written then.</param>
    /// <returns>Whether the event changed a row (<see langword="false"/> for a duplicate or an older state).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="webhookEvent"/> is null.</exception>
    public async Task<bool> ApplyAsync(PaddleWebhookEvent webhookEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        await MigrateOnceAsync(cancellationToken).ConfigureAwait(false);
        ApplyOutcome outcome = await ApplyEventAsync(webhookEvent, advanceCursor: false, cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _catchUpWanted, 1);
        return outcome == ApplyOutcome.Written;
    }

    /// <summary>Runs <see cref="SyncAsync"/>, then again every <paramref name="pollInterval"/> (two seconds after the last when a webhook asks for a catch-up), until cancelled.</summary>
    /// <param name="pollInterval">How often to look for new events.</param>
    /// <param name="progress">Told as <see cref="SyncAsync"/> tells it.</param>
    /// <param name="cancellationToken">Stops it.</param>
    /// <returns>A task that ends when <paramref name="cancellationToken"/> is cancelled (with <see cref="OperationCanceledException"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pollInterval"/> is not positive.</exception>
    public async Task FollowAsync(TimeSpan pollInterval, IProgress<MirrorProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollInterval, TimeSpan.Zero);
        while (true)
        {
            await SyncAsync(progress, cancellationToken).ConfigureAwait(false);

            // Until the next poll, or sooner after a webhook: at most one catch-up every two seconds, however many come,
            // so that a busy account's webhooks do not spend the rate limit on the events list.
            TimeSpan soonest = pollInterval < s_catchUpGap ? pollInterval : s_catchUpGap;
            for (TimeSpan waited = TimeSpan.Zero; waited < pollInterval && !(CatchUpWanted && waited >= soonest); waited += s_tick)
            {
                await Task.Delay(s_tick, _client.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task MigrateOnceAsync(CancellationToken cancellationToken)
    {
        if (_isMigrated)
        {
            return;
        }

        await _migrated.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_isMigrated)
            {
                await _store.MigrateAsync(cancellationToken).ConfigureAwait(false);
                _isMigrated = true;
            }
        }
        finally
        {
            _migrated.Release();
        }
    }

    private async Task<bool> BackfillNeededAsync(CancellationToken cancellationToken)
    {
        if (await _store.StateAsync("backfilled", cancellationToken).ConfigureAwait(false) is null
            || await _store.StateAsync("backfill_started_at", cancellationToken).ConfigureAwait(false) is not null)
        {
            return true; // never finished one, or one is under way
        }

        // Not caught up for longer than Paddle keeps events: some may be gone from the list, so only a backfill is sure.
        return await _store.StateAsync("caught_up_at", cancellationToken).ConfigureAwait(false) is not { } at
            || DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture) < _client.TimeProvider.GetUtcNow() - _options.EventRetention;
    }

    /// <summary>
    /// Mirrors every customer, oldest first, with its addresses, businesses and payment methods, of every status. The
    /// point in the events list it starts from is recorded first, so that what changes during the backfill is applied
    /// by the catch-up after it; the last customer done is recorded after each, so a killed backfill resumes there.
    /// </summary>
    private async Task BackfillAsync(IProgress<MirrorProgress>? progress, CancellationToken cancellationToken)
    {
        if (await _store.StateAsync("backfill_started_at", cancellationToken).ConfigureAwait(false) is null)
        {
            PaddleWebhookEvent? latest = null;
            await foreach (PaddleWebhookEvent e in _client.Events.ListAsync(new ListEventsOptions { Order = SortOrder.Descending, PerPage = 1, EventTypes = s_eventTypes }, cancellationToken).ConfigureAwait(false))
            {
                latest = e;
                break;
            }

            DateTimeOffset now = _client.TimeProvider.GetUtcNow();
            await _store.SetStatesAsync(
            [
                ("backfill_cursor", latest?.EventId ?? string.Empty),
                ("backfill_cursor_at", MirrorRow.Time(latest?.OccurredAt ?? now)),
                ("backfill_after", string.Empty),
                ("backfill_started_at", MirrorRow.Time(now)),
            ], cancellationToken).ConfigureAwait(false);
        }

        string after = await _store.StateAsync("backfill_after", cancellationToken).ConfigureAwait(false) ?? string.Empty;
        DateTimeOffset started = DateTimeOffset.Parse((await _store.StateAsync("backfill_started_at", cancellationToken).ConfigureAwait(false))!, System.Globalization.CultureInfo.InvariantCulture);
        int? perPage = _client.Dialect.MaxPageSize;
        var customers = new ListCustomersOptions { Statuses = [CustomerStatus.Active, CustomerStatus.Archived], Order = SortOrder.Ascending, PerPage = perPage, After = after.Length > 0 ? after : null };
        await foreach (Customer customer in _client.Customers.ListAsync(customers, cancellationToken).ConfigureAwait(false))
        {
            await PutAsync(MirrorRow.Of(customer), cancellationToken).ConfigureAwait(false);
            await foreach (Address address in _client.Addresses.ListAsync(customer.Id, new ListAddressesOptions { Statuses = [AddressStatus.Active, AddressStatus.Archived], PerPage = perPage }, cancellationToken).ConfigureAwait(false))
            {
                await PutAsync(MirrorRow.Of(address), cancellationToken).ConfigureAwait(false);
            }

            await foreach (Business business in _client.Businesses.ListAsync(customer.Id, new ListBusinessesOptions { Statuses = [BusinessStatus.Active, BusinessStatus.Archived], PerPage = perPage }, cancellationToken).ConfigureAwait(false))
            {
                await PutAsync(MirrorRow.Of(business), cancellationToken).ConfigureAwait(false);
            }

            var found = new HashSet<string>(StringComparer.Ordinal);
            await foreach (PaymentMethod method in _client.PaymentMethods.ListAsync(customer.Id, new ListPaymentMethodsOptions { PerPage = perPage }, cancellationToken).ConfigureAwait(false))
            {
                found.Add(method.Id.Value);
                await PutAsync(MirrorRow.Of(method), cancellationToken).ConfigureAwait(false);
            }

            _counters.Deleted(await _store.DeleteMissingPaymentMethodsAsync(customer.Id.Value, found, started, cancellationToken).ConfigureAwait(false));
            await _store.SetStatesAsync([("backfill_after", customer.Id.Value)], cancellationToken).ConfigureAwait(false);
            _counters.Customer();
            progress?.Report(_counters.Snapshot());
        }

        string cursor = (await _store.StateAsync("backfill_cursor", cancellationToken).ConfigureAwait(false))!;
        string cursorAt = (await _store.StateAsync("backfill_cursor_at", cancellationToken).ConfigureAwait(false))!;
        await _store.SetStatesAsync(
        [
            ("cursor", cursor.Length > 0 ? cursor : null), ("cursor_at", cursorAt), ("backfilled", MirrorRow.Time(_client.TimeProvider.GetUtcNow())),
            ("caught_up_at", cursorAt),
            ("backfill_cursor", null), ("backfill_cursor_at", null), ("backfill_after", null), ("backfill_started_at", null),
        ], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A state just read from the API: written over an older one, and over another of the same time.</summary>
    private async Task PutAsync(MirrorRow row, CancellationToken cancellationToken)
    {
        ApplyOutcome outcome = await _store.ApplyAsync(row, null, null, null, null, force: true, _client.TimeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        _counters.Count(outcome, fromEvent: false);
    }

    /// <summary>Applies every event after the cursor, in order, each in one transaction with the cursor's move.</summary>
    private async Task CatchUpAsync(IProgress<MirrorProgress>? progress, CancellationToken cancellationToken)
    {
        string? cursor = await _store.StateAsync("cursor", cancellationToken).ConfigureAwait(false);
        var query = new ListEventsOptions { After = cursor, Order = SortOrder.Ascending, PerPage = _client.Dialect.MaxPageSize, EventTypes = s_eventTypes };
        long applied = 0;
        await foreach (PaddleWebhookEvent e in _client.Events.ListAsync(query, cancellationToken).ConfigureAwait(false))
        {
            await ApplyEventAsync(e, advanceCursor: true, cancellationToken).ConfigureAwait(false);
            if (++applied % 50 == 0)
            {
                progress?.Report(_counters.Snapshot());
            }
        }

        await _store.SetStatesAsync([("caught_up_at", MirrorRow.Time(_client.TimeProvider.GetUtcNow()))], cancellationToken).ConfigureAwait(false);
        progress?.Report(_counters.Snapshot());
    }

    private async Task<ApplyOutcome> ApplyEventAsync(PaddleWebhookEvent e, bool advanceCursor, CancellationToken cancellationToken)
    {
        (string, DateTimeOffset)? cursor = advanceCursor ? (e.EventId, e.OccurredAt) : null;
        DateTimeOffset now = _client.TimeProvider.GetUtcNow();
        (MirrorRow? row, string? deleted) = e switch
        {
            CustomerWebhookEvent c => (MirrorRow.Of(c.Customer), null),
            AddressWebhookEvent a => (MirrorRow.Of(a.Address), null),
            BusinessWebhookEvent b => (MirrorRow.Of(b.Business), null),
            PaymentMethodWebhookEvent { EventType: PaddleWebhookEventTypes.PaymentMethodDeleted } p => ((MirrorRow?)null, p.PaymentMethod.Id.Value),
            _ => ((MirrorRow?)null, (string?)null),
        };
        bool fetchedFirst = false;
        if (e is PaymentMethodWebhookEvent { EventType: not PaddleWebhookEventTypes.PaymentMethodDeleted } saved && !await _store.IsDeletedAsync(saved.PaymentMethod.Id.Value, cancellationToken).ConfigureAwait(false))
        {
            // Paddle's payment_method.saved carries no card or PayPal details: the row is the entity as the API shows it.
            _counters.Fetched();
            (row, deleted) = await FetchAsync(e, cancellationToken).ConfigureAwait(false);
            fetchedFirst = true;
        }

        ApplyOutcome outcome = await _store.ApplyAsync(row, deleted, e.EventId, e.EventType, cursor, force: fetchedFirst, now, cancellationToken).ConfigureAwait(false);
        if (outcome == ApplyOutcome.Tie)
        {
            // Two states of one updated_at: the API says which is the entity now.
            _counters.Fetched();
            (MirrorRow? fetched, string? gone) = await FetchAsync(e, cancellationToken).ConfigureAwait(false);
            outcome = await _store.ApplyAsync(fetched, gone, e.EventId, e.EventType, cursor, force: true, now, cancellationToken).ConfigureAwait(false);
        }

        _counters.Count(outcome, fromEvent: true);
        return outcome;
    }

    private async Task<(MirrorRow? Row, string? Deleted)> FetchAsync(PaddleWebhookEvent e, CancellationToken cancellationToken)
    {
        try
        {
            return e switch
            {
                CustomerWebhookEvent c => (MirrorRow.Of(await _client.Customers.GetAsync(c.Customer.Id, cancellationToken).ConfigureAwait(false)), null),
                AddressWebhookEvent a => (MirrorRow.Of(await _client.Addresses.GetAsync(a.Address.CustomerId, a.Address.Id, cancellationToken).ConfigureAwait(false)), null),
                BusinessWebhookEvent b => (MirrorRow.Of(await _client.Businesses.GetAsync(b.Business.CustomerId, b.Business.Id, cancellationToken).ConfigureAwait(false)), null),
                PaymentMethodWebhookEvent p => (MirrorRow.Of(await _client.PaymentMethods.GetAsync(p.PaymentMethod.CustomerId, p.PaymentMethod.Id, cancellationToken).ConfigureAwait(false)), null),
                _ => (null, null),
            };
        }
        catch (ResourceNotFoundException) when (e is PaymentMethodWebhookEvent p)
        {
            return (null, p.PaymentMethod.Id.Value); // deleted since
        }
    }

    /// <summary>The mirror's tables as text, for tests: each table's rows, column name to stored value.</summary>
    internal async Task<Dictionary<string, List<Dictionary<string, string?>>>> TablesAsync(CancellationToken cancellationToken)
    {
        var tables = new Dictionary<string, List<Dictionary<string, string?>>>(StringComparer.Ordinal);
        foreach (MirrorTable table in MirrorTable.All)
        {
            tables[table.Name] = await _store.RowsAsync(table, cancellationToken).ConfigureAwait(false);
        }

        return tables;
    }
}
