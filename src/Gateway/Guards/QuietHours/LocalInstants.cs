namespace Gateway.Guards.QuietHours;

/// <summary>
/// The instants at which a zone's clock reads a given local time, DST included: none is guessed.
/// A reading that happens twice (DST ends) has two instants; one that never happens (DST starts)
/// has the instant the clock jumps past it.
/// </summary>
internal static class LocalInstants
{
    /// <summary>The step at which offset changes are looked for: shorter than the time between any zone's two changes.</summary>
    private static readonly TimeSpan TransitionProbe = TimeSpan.FromHours(6);

    /// <summary>Every instant at which the clock of <paramref name="zone"/> first reads <paramref name="local"/> or later on that day.</summary>
    public static void AddStarts(TimeZoneInfo zone, DateTime local, List<DateTimeOffset> into)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(into);
        if (zone.IsAmbiguousTime(local))
        {
            foreach (var offset in zone.GetAmbiguousTimeOffsets(local))
            {
                into.Add(new DateTimeOffset(local, offset));
            }
        }
        else if (zone.IsInvalidTime(local))
        {
            into.Add(TransitionAfter(zone, local));
        }
        else
        {
            into.Add(new DateTimeOffset(local, zone.GetUtcOffset(local)));
        }
    }

    /// <summary>The earliest instant at which the clock of <paramref name="zone"/> reads <paramref name="local"/> or later.</summary>
    public static DateTimeOffset Earliest(TimeZoneInfo zone, DateTime local)
    {
        var starts = new List<DateTimeOffset>(2);
        AddStarts(zone, DateTime.SpecifyKind(local, DateTimeKind.Unspecified), starts);
        return starts.Min();
    }

    /// <summary>Adds every instant in (<paramref name="from"/>, <paramref name="until"/>] at which the offset of <paramref name="zone"/> changes.</summary>
    public static void AddTransitions(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset until, List<DateTimeOffset> into)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(into);

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
