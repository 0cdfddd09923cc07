using System.Globalization;
using Jint.Runtime;

namespace EventObserver.Core.Projections;

/// <summary>
/// The sandbox's clock: <c>Date.now()</c> and <c>new Date()</c> give the timestamp of the event being applied
/// (the Unix epoch before the first event), so replaying the same events always gives the same state.
/// </summary>
internal sealed class EventTimeSystem() : DefaultTimeSystem(TimeZoneInfo.Utc, CultureInfo.InvariantCulture)
{
    public long CurrentMs { get; set; }

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeMilliseconds(CurrentMs);
}
