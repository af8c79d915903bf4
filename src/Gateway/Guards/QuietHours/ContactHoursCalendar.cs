using Gateway.Rules;

namespace Gateway.Guards.QuietHours;

/// <summary>
/// Answers "may we contact now, in every zone the recipient may be in?" and "if not, when first?".
/// Local time is read through each zone's own rules, so DST gaps and overlaps are exact: a slot is
/// allowed only when its local time in every zone falls inside a contact window.
/// </summary>
internal static class ContactHoursCalendar
{
    /// <summary>How far ahead <see cref="NextAllowed"/> looks. A week of windows always repeats within it.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(15);

    /// <summary>
    /// Whether <paramref name="instant"/> is inside a window in every zone, and on none of
    /// <paramref name="noContactDates"/> (rest days, public holidays) in any zone's local date.
    /// </summary>
    public static bool IsAllowed(DateTimeOffset instant, IReadOnlyList<ContactWindow> windows, IReadOnlyList<TimeZoneInfo> zones, IReadOnlyDictionary<DateOnly, string>? noContactDates = null)
    {
        if (windows.Count == 0 && noContactDates is not { Count: > 0 })
        {
            return true;
        }

        foreach (var zone in zones)
        {
            var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
            if (noContactDates is { Count: > 0 } && noContactDates.ContainsKey(DateOnly.FromDateTime(local)))
            {
                return false;
            }

            var inside = windows.Count == 0;
            foreach (var window in windows)
            {
                if (window.Contains(local))
                {
                    inside = true;
                    break;
                }
            }

            if (!inside)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The earliest instant at or after <paramref name="from"/> allowed in every zone, or null when
    /// there is none within <see cref="Horizon"/>. The allowed set is an intersection of unions of
    /// half-open intervals, so its first point after <paramref name="from"/> is either
    /// <paramref name="from"/> itself or the start of some zone's allowed interval. A zone's interval
    /// starts where its clock reaches a window's start, or where its clock jumps into a window: when
    /// it falls back (DST ends) to a reading inside a window that the reading before was not in.
    /// Window starts and offset transitions are therefore the only candidates.
    /// </summary>
    /// <remarks>
    /// A no-contact date ends at the next local midnight, so with <paramref name="noContactDates"/>
    /// local midnights are candidates too.
    /// </remarks>
    public static DateTimeOffset? NextAllowed(DateTimeOffset from, IReadOnlyList<ContactWindow> windows, IReadOnlyList<TimeZoneInfo> zones, IReadOnlyDictionary<DateOnly, string>? noContactDates = null)
    {
        if (IsAllowed(from, windows, zones, noContactDates))
        {
            return from;
        }

        var until = from + Horizon;
        var candidates = new List<DateTimeOffset>();
        foreach (var zone in zones)
        {
            var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime).AddDays(-1);
            var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(until, zone).DateTime).AddDays(1);
            for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
            {
                if (noContactDates is { Count: > 0 })
                {
                    LocalInstants.AddStarts(zone, day.ToDateTime(TimeOnly.MinValue), candidates);
                }

                foreach (var window in windows)
                {
                    if (window.Days.Contains(day.DayOfWeek))
                    {
                        LocalInstants.AddStarts(zone, day.ToDateTime(window.From), candidates);
                    }
                }
            }

            LocalInstants.AddTransitions(zone, from, until, candidates);
        }

        candidates.Sort();
        foreach (var candidate in candidates)
        {
            if (candidate > from && candidate <= until && IsAllowed(candidate, windows, zones, noContactDates))
            {
                return candidate;
            }
        }

        return null;
    }
}
