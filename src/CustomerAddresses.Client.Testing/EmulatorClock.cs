using System.Globalization;

namespace CustomerAddresses.Client.Testing;

/// <summary>
/// The emulator's one source of time and timestamp text: RFC 3339 in UTC with the precision Paddle's examples show
/// (milliseconds when an entity is created, microseconds once it is updated).
/// </summary>
internal sealed class EmulatorClock(TimeProvider time)
{
    internal TimeProvider Time { get; } = time;

    /// <summary>Now to the millisecond, as Paddle writes <c>created_at</c>: <c>2024-04-11T15:57:24.813Z</c>.</summary>
    internal string Milliseconds() => Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Now to the microsecond, as Paddle writes an updated <c>updated_at</c>: <c>2024-04-12T06:47:01.533006Z</c>.</summary>
    internal string Microseconds() => Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
