using Gateway.Guards.QuietHours;
using Gateway.Rules;

namespace Gateway.Store;

/// <summary>
/// Where one cap's count starts and when a full cap frees, as the reserve script needs them.
/// A calendar day is the recipient's local day; with several candidate zones it runs from the
/// earliest local midnight to the latest next one, so no zone's day is ever undercounted.
/// </summary>
internal readonly record struct CapBounds(long FloorMs, long WindowMs, long ResetMs, long SpanMs)
{
    /// <summary>How long a calendar cap's entries are kept: longer than any day plus the widest spread of zones.</summary>
    private static readonly TimeSpan CalendarSpan = TimeSpan.FromDays(3);

    /// <summary>How long an entry of <paramref name="cap"/> can still count.</summary>
    public static long SpanOf(CapRule cap)
    {
        ArgumentNullException.ThrowIfNull(cap);
        return (long)(cap.Period == CapPeriod.Sliding ? cap.Window : CalendarSpan).TotalMilliseconds;
    }

    public static CapBounds For(CapRule cap, DateTimeOffset now, IReadOnlyList<TimeZoneInfo> zones)
    {
        ArgumentNullException.ThrowIfNull(cap);
        ArgumentNullException.ThrowIfNull(zones);
        var nowMs = now.ToUnixTimeMilliseconds();
        if (cap.Period == CapPeriod.Sliding)
        {
            var window = SpanOf(cap);
            return new CapBounds(nowMs - window, window, 0, window);
        }

        var start = DateTimeOffset.MaxValue;
        var end = DateTimeOffset.MinValue;
        foreach (var zone in zones)
        {
            var today = TimeZoneInfo.ConvertTime(now, zone).Date;
            var dayStart = LocalInstants.Earliest(zone, today);
            var nextStart = LocalInstants.Earliest(zone, today.AddDays(1));
            start = dayStart < start ? dayStart : start;
            end = nextStart > end ? nextStart : end;
        }

        // The floor is exclusive, and a reminder at the stroke of midnight belongs to the new day.
        return new CapBounds(start.ToUnixTimeMilliseconds() - 1, 0, end.ToUnixTimeMilliseconds(), SpanOf(cap));
    }
}
