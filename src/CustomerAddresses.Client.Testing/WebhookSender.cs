using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CustomerAddresses.Client;

namespace CustomerAddresses.Client.Testing;

/// <summary>
/// Sends a signed webhook to every registered destination for each change of a Paddle customer or address, as Paddle
/// does: <c>POST</c> with <c>Paddle-Signature: ts=…;h1=…</c> (HMAC-SHA256 of <c>ts:body</c> with the destination's
/// secret key), an answer expected within 5 seconds, and retries after the configured delays on anything but 2xx.
/// </summary>
internal sealed class WebhookSender(IdGenerator ids, EmulatorClock clock, CustomerAddressesEmulatorOptions options) : IAsyncDisposable
{
    private static readonly TimeSpan s_answerWithin = TimeSpan.FromSeconds(5);
    private readonly List<(Uri Url, string SecretKey)> _destinations = [];
    private readonly List<WebhookDelivery> _deliveries = [];
    private readonly HashSet<Task> _pending = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = Timeout.InfiniteTimeSpan };

    internal void AddDestination(Uri url, string secretKey)
    {
        lock (_destinations)
        {
            _destinations.Add((url, secretKey));
        }
    }

    internal IReadOnlyList<WebhookDelivery> Deliveries
    {
        get
        {
            lock (_deliveries)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <summary>Sends <paramref name="eventType"/> with <paramref name="entity"/> as its data to every destination, in the background.</summary>
    internal void Publish(string eventType, JsonObject entity)
    {
        (Uri Url, string SecretKey)[] destinations;
        lock (_destinations)
        {
            destinations = [.. _destinations];
        }

        if (destinations.Length == 0)
        {
            return;
        }

        string eventId = ids.Next("evt_");
        string occurredAt = clock.Microseconds();
        foreach ((Uri url, string secretKey) in destinations)
        {
            var payload = new JsonObject
            {
                ["event_id"] = eventId,
                ["event_type"] = eventType,
                ["occurred_at"] = occurredAt,
                ["notification_id"] = ids.Next("ntf_"),
                ["data"] = entity.DeepClone(),
            };
            Track(DeliverAsync(url, secretKey, payload, _stopping.Token));
        }
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

    private async Task DeliverAsync(Uri url, string secretKey, JsonObject payload, CancellationToken stopping)
    {
        byte[] body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        IList<TimeSpan> retryDelays = options.WebhookRetryDelays;
        for (int attempt = 1; ; attempt++)
        {
            DateTimeOffset sentAt = clock.Time.GetUtcNow();
            int? status = await SendAsync(url, body, PaddleWebhookSigner.Sign(body, secretKey, sentAt), stopping).ConfigureAwait(false);
            var delivery = new WebhookDelivery(url, (string)payload["event_id"]!, (string)payload["event_type"]!, (string)payload["notification_id"]!, attempt, status, sentAt);

            // The wait starts before the attempt is recorded, so a test that sees the attempt and moves a fake clock on
            // always moves it past a wait that already exists.
            Task? wait = delivery.Succeeded || attempt > retryDelays.Count || stopping.IsCancellationRequested
                ? null
                : Task.Delay(retryDelays[attempt - 1], clock.Time, stopping);
            lock (_deliveries)
            {
                _deliveries.Add(delivery);
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
