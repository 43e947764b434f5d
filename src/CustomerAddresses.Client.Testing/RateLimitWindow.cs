using System.Net;

namespace CustomerAddresses.Client.Testing;

/// <summary>
/// Paddle's rate limit: at most so many requests from one IP address in any minute (a sliding window, on the emulator's
/// clock). A request beyond it is not processed and does not count; the answer says, in <c>Retry-After</c>, in how many
/// whole seconds the oldest request of the window leaves it.
/// </summary>
internal sealed class RateLimitWindow(int requestsPerMinute, TimeProvider time)
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<IPAddress, Queue<DateTimeOffset>> _recent = [];

    /// <summary>Counts the request if the window has room; otherwise returns the seconds to wait.</summary>
    internal bool TryEnter(IPAddress? client, out int retryAfterSeconds)
    {
        DateTimeOffset now = time.GetUtcNow();
        client ??= IPAddress.None;
        lock (_recent)
        {
            if (!_recent.TryGetValue(client, out Queue<DateTimeOffset>? recent))
            {
                recent = new Queue<DateTimeOffset>(Math.Min(requestsPerMinute, 256)); // it grows with the traffic, not with the limit
                _recent.Add(client, recent);
            }

            while (recent.Count > 0 && now - recent.Peek() >= s_window)
            {
                recent.Dequeue();
            }

            if (recent.Count < requestsPerMinute)
            {
                recent.Enqueue(now);
                retryAfterSeconds = 0;
                return true;
            }

            retryAfterSeconds = Math.Max(1, (int)Math.Ceiling((recent.Peek() + s_window - now).TotalSeconds));
            return false;
        }
    }
}
