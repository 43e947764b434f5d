using System.Globalization;

namespace CustomerAddresses.Client.Testing;

/// <summary>
/// The emulator's one source of time and timestamp text: RFC 3339 in UTC with the precision Paddle's examples show
/// (milliseconds when an entity is created, microseconds once it is updated).
/// </summary>
internal sealed class EmulatorClock(TimeProvider time)
{
    internal TimeProvider Time { get; } = time;

    /// <summary>Now (or <paramref name="at"/>) to the millisecond, as Paddle writes <c>created_at</c>: <c>2024-04-11T15:57:24.813Z</c>.</summary>
    internal string Milliseconds(DateTimeOffset? at = null) => Text(at, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'");

    /// <summary>Now (or <paramref name="at"/>) to the microsecond, as Paddle writes an updated <c>updated_at</c>: <c>2024-04-12T06:47:01.533006Z</c>.</summary>
    internal string Microseconds(DateTimeOffset? at = null) => Text(at, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'");

    /// <summary>Now to the second, as Paddle writes a portal session's <c>created_at</c>: <c>2024-10-25T06:53:58Z</c>.</summary>
    internal string Seconds() => Text(null, "yyyy-MM-dd'T'HH:mm:ss'Z'");

    private string Text(DateTimeOffset? at, string format) => (at ?? Time.GetUtcNow()).UtcDateTime.ToString(format, CultureInfo.InvariantCulture);
}
