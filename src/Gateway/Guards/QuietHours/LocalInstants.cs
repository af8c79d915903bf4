namespace Gateway.Guards.QuietHours;

/// <summary>
/// The instants at which a zone's clock reads a given local time, DST included: none is guessed.
/// A reading that happens twice (DST ends) has two instants; one that never happens (DST starts)
/// has the instant the clock jumps past it.
/// </summary>
internal static class LocalInstants
{
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

    /// <summary>The instant a DST gap containing <paramref name="local"/> ends, found by bisection to the second.</summary>
    private static DateTimeOffset TransitionAfter(TimeZoneInfo zone, DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var before = zone.GetUtcOffset(unspecified.AddHours(-12));
        var after = zone.GetUtcOffset(unspecified.AddHours(12));
        var low = new DateTimeOffset(unspecified, TimeSpan.Zero) - after - TimeSpan.FromHours(1);
        var high = new DateTimeOffset(unspecified, TimeSpan.Zero) - before + TimeSpan.FromHours(1);
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
