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

    private static readonly TimeSpan TransitionProbe = TimeSpan.FromHours(6);

    public static bool IsAllowed(DateTimeOffset instant, IReadOnlyList<ContactWindow> windows, IReadOnlyList<TimeZoneInfo> zones)
    {
        if (windows.Count == 0)
        {
            return true;
        }

        foreach (var zone in zones)
        {
            var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
            var inside = false;
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
    public static DateTimeOffset? NextAllowed(DateTimeOffset from, IReadOnlyList<ContactWindow> windows, IReadOnlyList<TimeZoneInfo> zones)
    {
        if (IsAllowed(from, windows, zones))
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
                foreach (var window in windows)
                {
                    if (window.Days.Contains(day.DayOfWeek))
                    {
                        AddStarts(zone, day.ToDateTime(window.From), candidates);
                    }
                }
            }

            AddTransitions(zone, from, until, candidates);
        }

        candidates.Sort();
        foreach (var candidate in candidates)
        {
            if (candidate > from && candidate <= until && IsAllowed(candidate, windows, zones))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Adds every instant at which the local clock of <paramref name="zone"/> first reads <paramref name="local"/> or later on that day.</summary>
    private static void AddStarts(TimeZoneInfo zone, DateTime local, List<DateTimeOffset> into)
    {
        if (zone.IsAmbiguousTime(local))
        {
            // The clock passes this reading twice (DST ends): both passes start a window.
            foreach (var offset in zone.GetAmbiguousTimeOffsets(local))
            {
                into.Add(new DateTimeOffset(local, offset));
            }
        }
        else if (zone.IsInvalidTime(local))
        {
            // The reading never happens (DST starts): the window starts when the clock jumps past it.
            into.Add(TransitionAfter(zone, local));
        }
        else
        {
            into.Add(new DateTimeOffset(local, zone.GetUtcOffset(local)));
        }
    }

    /// <summary>Adds every instant in (<paramref name="from"/>, <paramref name="until"/>] at which the offset of <paramref name="zone"/> changes.</summary>
    private static void AddTransitions(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset until, List<DateTimeOffset> into)
    {
        // No zone changes its offset twice within TransitionProbe, so each probe holds at most one change.
        for (var low = from; low < until; low += TransitionProbe)
        {
            var high = low + TransitionProbe;
            if (zone.GetUtcOffset(low) != zone.GetUtcOffset(high))
            {
                into.Add(TransitionBetween(zone, low, high));
            }
        }
    }

    /// <summary>The instant a DST gap containing <paramref name="local"/> ends.</summary>
    private static DateTimeOffset TransitionAfter(TimeZoneInfo zone, DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var before = zone.GetUtcOffset(unspecified.AddHours(-12));
        var after = zone.GetUtcOffset(unspecified.AddHours(12));
        var low = new DateTimeOffset(unspecified, TimeSpan.Zero) - after - TimeSpan.FromHours(1);
        var high = new DateTimeOffset(unspecified, TimeSpan.Zero) - before + TimeSpan.FromHours(1);
        return TransitionBetween(zone, low, high);
    }

    /// <summary>
    /// The one instant in (<paramref name="low"/>, <paramref name="high"/>] at which the offset of
    /// <paramref name="zone"/> changes to its offset at <paramref name="high"/>, found by bisection
    /// to the second (transitions fall on whole seconds).
    /// </summary>
    private static DateTimeOffset TransitionBetween(TimeZoneInfo zone, DateTimeOffset low, DateTimeOffset high)
    {
        var after = zone.GetUtcOffset(high);
        while (high - low > TimeSpan.FromSeconds(1))
        {
            var middle = low + ((high - low) / 2);
            if (zone.GetUtcOffset(middle) == after)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return new DateTimeOffset(high.UtcDateTime.Ticks - (high.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
