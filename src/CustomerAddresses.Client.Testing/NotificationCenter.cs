using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CustomerAddresses.Client;

namespace CustomerAddresses.Client.Testing;

/// <summary>
/// Paddle's notification side, as its reference documents it: notification settings (destinations), every event kept
/// for <c>GET /events</c>, and one notification per event and subscribed active destination, delivered as Paddle does:
/// <c>POST</c> with <c>Paddle-Signature: ts=…;h1=…</c> (HMAC-SHA256 of <c>ts:body</c> with the destination's secret key),
/// an answer expected within 5 seconds, and retries after the configured delays on anything but 2xx.
/// </summary>
internal sealed class NotificationCenter(IdGenerator ids, EmulatorClock clock, CustomerAddressesEmulatorOptions options) : IAsyncDisposable
{
    private static readonly TimeSpan s_answerWithin = TimeSpan.FromSeconds(5);
    private readonly object _gate = new();
    private readonly List<NotificationSetting> _settings = [];
    private readonly List<JsonObject> _events = [];
    private readonly List<Notification> _notifications = [];
    private readonly List<WebhookDelivery> _deliveries = [];
    private readonly HashSet<Task> _pending = [];
    private readonly Random _dice = new(options.Seed ?? 0); // the webhook faults, under _gate
    private readonly CancellationTokenSource _stopping = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = Timeout.InfiniteTimeSpan };

    internal IReadOnlyList<WebhookDelivery> Deliveries
    {
        get { lock (_gate) { return [.. _deliveries]; } }
    }

    /// <summary>Stores a setting from a validated create body (or from the emulator's own API, with a given secret key).</summary>
    internal JsonObject CreateSetting(JsonObject body, string? secretKey = null)
    {
        lock (_gate)
        {
            var setting = new NotificationSetting(ids.Next("ntfset_"), secretKey);
            setting.Apply(body);
            _settings.Add(setting);
            return setting.ToJson();
        }
    }

    internal JsonObject? Setting(string id)
    {
        lock (_gate) { return Find(id)?.ToJson(); }
    }

    internal List<JsonObject> Settings(bool? active, string? trafficSource)
    {
        lock (_gate)
        {
            return [.. _settings.Where(s => (active is null || s.Active == active) && (trafficSource is null || s.TrafficSource == trafficSource)).Select(s => s.ToJson())];
        }
    }

    internal JsonObject? UpdateSetting(string id, JsonObject patch)
    {
        lock (_gate)
        {
            NotificationSetting? setting = Find(id);
            setting?.Apply(patch);
            return setting?.ToJson();
        }
    }

    /// <summary>Deletes a setting and, as Paddle says, its logs: its notifications go, and its retries stop.</summary>
    internal bool DeleteSetting(string id)
    {
        lock (_gate)
        {
            _notifications.RemoveAll(n => n.SettingId == id);
            return _settings.RemoveAll(s => s.Id == id) > 0;
        }
    }

    /// <summary>Keeps the event, and sends it to every active destination subscribed to its type, in the background.</summary>
    internal void Publish(string eventType, JsonObject entity)
    {
        var deliveries = new List<(Notification, NotificationSetting)>();
        lock (_gate)
        {
            var @event = new JsonObject
            {
                ["event_id"] = ids.Next("evt_"),
                ["event_type"] = eventType,
                ["occurred_at"] = clock.Microseconds(),
                ["data"] = entity.DeepClone(),
            };
            _events.Add(@event);
            foreach (NotificationSetting setting in _settings.Where(s => s.Receives(eventType)))
            {
                deliveries.Add((NewNotification(@event, setting.Id, "event"), setting));
            }
        }

        // Off the caller's thread: the store calls this under its lock, and a delivery is network work.
        foreach ((Notification notification, NotificationSetting setting) in deliveries)
        {
            Track(Task.Run(() => DeliverAsync(notification, setting, _stopping.Token)));
        }
    }

    /// <summary>A snapshot of every event, in id order (oldest first).</summary>
    internal List<JsonObject> Events()
    {
        lock (_gate) { return [.. _events.Select(e => e.DeepClone().AsObject())]; }
    }

    internal List<JsonObject> Notifications(Func<Notification, bool> filter)
    {
        lock (_gate) { return [.. _notifications.Where(filter).Select(n => n.ToJson())]; }
    }

    internal JsonObject? NotificationById(string id)
    {
        lock (_gate) { return _notifications.Find(n => n.Id == id)?.ToJson(); }
    }

    /// <summary>Sends a delivered or failed notification of an event again, as a new notification; the error code when it cannot be.</summary>
    internal (string? NewId, string? Error) Replay(string id)
    {
        Notification replay;
        NotificationSetting? setting;
        lock (_gate)
        {
            Notification? original = _notifications.Find(n => n.Id == id);
            if (original is null)
            {
                return (null, "not_found");
            }

            if (original.Origin != "event")
            {
                return (null, "notification_replay_invalid_origin_type");
            }

            if (!original.HasEnded)
            {
                return (null, "notification_cannot_replay");
            }

            setting = Find(original.SettingId);
            original.ReplayedAt = clock.Microseconds();
            replay = NewNotification(original.Payload, original.SettingId, "replay");
        }

        if (setting is not null)
        {
            Track(Task.Run(() => DeliverAsync(replay, setting, _stopping.Token)));
        }

        return (replay.Id, null);
    }

    /// <summary>The emulator's own way to add a destination: every event of a customer's graph (customers, addresses, businesses, saved payment methods), signed with the given key or a new one.</summary>
    internal string AddDestination(Uri url, string? secretKey)
    {
        JsonObject setting = CreateSetting(
            new JsonObject
            {
                ["description"] = "Added by the emulator's host",
                ["type"] = "url",
                ["destination"] = url.ToString(),
                ["subscribed_events"] = new JsonArray([.. EventTypes.CustomerGraph.Select(e => (JsonNode)e)]),
            },
            secretKey);
        return (string)setting["endpoint_secret_key"]!;
    }

    private NotificationSetting? Find(string id) => _settings.Find(s => s.Id == id);

    private Notification NewNotification(JsonObject @event, string settingId, string origin)
    {
        string id = ids.Next("ntf_");
        JsonObject payload = @event.DeepClone().AsObject();
        payload["notification_id"] = id;
        var notification = new Notification(id, settingId, payload, origin);
        _notifications.Add(notification);
        return notification;
    }

    private void Track(Task delivery)
    {
        lock (_pending)
        {
            _pending.Add(delivery);
        }

        delivery.ContinueWith(
            done =>
            {
                lock (_pending)
                {
                    _pending.Remove(done);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task DeliverAsync(Notification notification, NotificationSetting setting, CancellationToken stopping)
    {
        byte[] body;
        bool drop, twice;
        TimeSpan delay;
        lock (_gate)
        {
            body = Encoding.UTF8.GetBytes(notification.Payload.ToJsonString());
            drop = _dice.NextDouble() < options.WebhookDropRate;
            twice = _dice.NextDouble() < options.WebhookDuplicateRate;
            delay = options.WebhookMaxDelay * _dice.NextDouble();
        }

        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, clock.Time, stopping).ConfigureAwait(false); // late, and so out of order
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (drop)
        {
            return; // lost for good: only the events list has it
        }

        IList<TimeSpan> retryDelays = options.WebhookRetryDelays;
        for (int attempt = 1; ; attempt++)
        {
            Uri url;
            lock (_gate)
            {
                if (!_settings.Contains(setting) || !setting.Active)
                {
                    return; // deleted or deactivated: Paddle stops sending to it
                }

                url = new Uri(setting.Destination); // checked when it was set; an update moves the next attempt
            }

            DateTimeOffset sentAt = clock.Time.GetUtcNow();
            int? status = await SendAsync(url, body, PaddleWebhookSigner.Sign(body, setting.SecretKey, sentAt), stopping).ConfigureAwait(false);
            if (twice && status is >= 200 and < 300)
            {
                twice = false;
                await SendAsync(url, body, PaddleWebhookSigner.Sign(body, setting.SecretKey, clock.Time.GetUtcNow()), stopping).ConfigureAwait(false); // the same event again
            }

            var delivery = new WebhookDelivery(url, (string)notification.Payload["event_id"]!, notification.EventType, notification.Id, attempt, status, sentAt);
            bool retry = !delivery.Succeeded && attempt <= retryDelays.Count && !stopping.IsCancellationRequested;

            // The wait starts before the attempt is recorded, so a test that sees the attempt and moves a fake clock on
            // always moves it past a wait that already exists.
            Task? wait = retry ? Task.Delay(retryDelays[attempt - 1], clock.Time, stopping) : null;
            lock (_gate)
            {
                _deliveries.Add(delivery);
                notification.TimesAttempted = attempt;
                notification.LastAttemptAt = clock.Microseconds();
                notification.Status = delivery.Succeeded ? "delivered" : retry ? "needs_retry" : "failed";
                notification.DeliveredAt = delivery.Succeeded ? notification.LastAttemptAt : null;
                notification.RetryAt = retry ? clock.Microseconds(sentAt + retryDelays[attempt - 1]) : null;
            }

            if (wait is null)
            {
                return;
            }

            try
            {
                await wait.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<int?> SendAsync(Uri url, byte[] body, string signature, CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(s_answerWithin);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(PaddleWebhookSigner.HeaderName, signature);
        try
        {
            using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return null; // no answer in time, or no connection: Paddle retries both
        }
    }

    /// <summary>Waits until every delivery under way, retries included, has ended.</summary>
    internal async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task[] pending;
            lock (_pending)
            {
                pending = [.. _pending];
            }

            if (pending.Length == 0)
            {
                return;
            }

            await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await WhenIdleAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _http.Dispose();
            _stopping.Dispose();
        }
    }
}
