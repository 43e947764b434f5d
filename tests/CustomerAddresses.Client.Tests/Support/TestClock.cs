using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace CustomerAddresses.Client.Tests.Support;

/// <summary>
/// A fake clock that reports every timer created on it, so a test can move time forward exactly through each
/// backoff wait once it has been scheduled: no real sleeping, and no race with the timer's registration.
/// </summary>
internal sealed class TestClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public TestClock()
        : base(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>The timers the test moved the clock through, in order.</summary>
    public List<TimeSpan> Advanced { get; } = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return new ReportingTimer(timer, _timers.Writer);
    }

    /// <summary>A timeout's timer is often created idle and armed later (<c>CancelAfter</c>): report that too.</summary>
    private sealed class ReportingTimer(ITimer inner, ChannelWriter<TimeSpan> report) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            bool changed = inner.Change(dueTime, period);
            report.TryWrite(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    /// <summary>
    /// Waits for <paramref name="call"/>, moving the clock through every timer <paramref name="advance"/> picks
    /// (by default the backoff waits, which are shorter than the attempt timeout used in these tests).
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> call, Func<TimeSpan, bool>? advance = null)
    {
        advance ??= due => due < TimeSpan.FromMinutes(5);
        while (true)
        {
            Task<bool> timerCreated = _timers.Reader.WaitToReadAsync().AsTask();
            Task first = await Task.WhenAny(call, timerCreated).WaitAsync(TimeSpan.FromSeconds(30));
            if (first == call)
            {
                return await call;
            }

            while (_timers.Reader.TryRead(out TimeSpan due))
            {
                if (due > TimeSpan.Zero && due != Timeout.InfiniteTimeSpan && advance(due))
                {
                    Advanced.Add(due);
                    Advance(due);
                }
            }
        }
    }

    /// <summary>Waits until a timer of exactly <paramref name="dueTime"/> has been created, without moving the clock.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        while (await _timers.Reader.WaitToReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)))
        {
            while (_timers.Reader.TryRead(out TimeSpan due))
            {
                if (due == dueTime)
                {
                    return;
                }
            }
        }
    }
}
