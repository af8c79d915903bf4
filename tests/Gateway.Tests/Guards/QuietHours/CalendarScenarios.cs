using FsCheck;
using FsCheck.Fluent;

namespace Gateway.Tests.Guards.QuietHours;

/// <summary>
/// FsCheck generators for <see cref="CalendarScenario"/>: instants across 2026, half of them within
/// three hours of a DST transition of a zone that observes DST; windows whose ends cluster in the
/// small hours, where clocks jump.
/// </summary>
public static class CalendarScenarios
{
    /// <summary>Zones with DST in 2026 (Lord Howe shifts by 30 minutes; St John's is UTC-3:30) and zones without.</summary>
    public static readonly IReadOnlyList<string> DstZones = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "America/St_Johns"];

    public static readonly IReadOnlyList<string> FixedZones = ["Pacific/Honolulu", "Asia/Kolkata", "America/Phoenix"];

    private static readonly DateTimeOffset Year = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly DayOfWeek[] Week = Enum.GetValues<DayOfWeek>();

    /// <summary>Every instant in 2026 at which one of <see cref="DstZones"/> changes its offset, found from the zone data itself.</summary>
    public static readonly IReadOnlyDictionary<string, DateTimeOffset[]> TransitionsByZone = DstZones.ToDictionary(id => id, id => TransitionsOf(TimeZoneInfo.FindSystemTimeZoneById(id)).ToArray());

    public static readonly IReadOnlyList<DateTimeOffset> Transitions = [.. TransitionsByZone.Values.SelectMany(transitions => transitions)];

    public static Arbitrary<CalendarScenario> Scenario() => Arb.From(Gen.Frequency((1, Anywhere()), (3, AroundTransition())));

    private static Gen<CalendarScenario> Anywhere() =>
        from zones in ZonesGen()
        from instant in InstantGen(zones)
        from windows in Gen.Choose(1, 3).SelectMany(count => WindowGen().ListOf(count))
        select new CalendarScenario(instant, zones, [.. windows]);

    /// <summary>
    /// A transition of one of the recipient's zones, an instant near it (often just before it), and a
    /// first window on that local day whose edges lie near the clock readings just before and just after
    /// the transition: where a gap or an overlap starts or ends a window.
    /// </summary>
    private static Gen<CalendarScenario> AroundTransition() =>
        from zone in Gen.Elements(DstZones.ToArray())
        from others in Gen.Frequency((3, Gen.Constant(Array.Empty<string>())), (1, Gen.Elements(DstZones.Concat(FixedZones).Where(id => id != zone).ToArray()).Select(other => new[] { other })))
        from transition in Gen.Elements(TransitionsByZone[zone])
        from seconds in Gen.Frequency((1, Gen.Choose(-3 * 3600, 3 * 3600)), (3, Gen.Choose(-60 * 60, 15 * 60)))
        from focused in EdgeWindowGen(TimeZoneInfo.FindSystemTimeZoneById(zone), transition)
        from more in Gen.Choose(0, 1).SelectMany(count => WindowGen().ListOf(count))
        select new CalendarScenario(transition.AddSeconds(seconds), [zone, .. others], [focused, .. more]);

    private static Gen<WindowSpec> EdgeWindowGen(TimeZoneInfo zone, DateTimeOffset transition)
    {
        var before = TimeZoneInfo.ConvertTime(transition.AddSeconds(-1), zone).AddSeconds(1);
        var after = TimeZoneInfo.ConvertTime(transition, zone);
        var readings = new[] { (int)before.TimeOfDay.TotalMinutes, (int)after.TimeOfDay.TotalMinutes };
        var edge = Gen.Elements(readings).SelectMany(_ => Gen.Elements(-90, -60, -45, -30, -15, -1, 0, 1, 15, 30, 45, 60, 90), (reading, shift) => Math.Clamp(reading + shift, 0, 1439));
        var days = Gen.SubListOf(Week).Select(extra => (IReadOnlyList<DayOfWeek>)[.. extra.Append(after.DayOfWeek).Distinct()]);
        return from pair in edge.Two().Where(pair => pair.Item1 != pair.Item2)
               from dayList in days
               select new WindowSpec(dayList, Minute(Math.Min(pair.Item1, pair.Item2)), Minute(Math.Max(pair.Item1, pair.Item2)));
    }

    private static TimeOnly Minute(int minuteOfDay) => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minuteOfDay));

    /// <summary>Half anywhere in 2026, half within three hours of a transition of one of the recipient's zones (of any DST zone when none of them has DST).</summary>
    private static Gen<DateTimeOffset> InstantGen(IReadOnlyList<string> zones)
    {
        var anywhere = Gen.Choose(0, 364 * 24 * 60).SelectMany(minute => Gen.Choose(0, 59), (minute, second) => Year.AddMinutes(minute).AddSeconds(second));
        var own = zones.Where(DstZones.Contains).SelectMany(id => TransitionsByZone[id]).ToArray();
        var offset = Gen.Frequency((1, Gen.Choose(-3 * 3600, 3 * 3600)), (1, Gen.Choose(-90 * 60, 90 * 60)));
        var nearTransition = Gen.Elements(own.Length > 0 ? own : [.. Transitions]).SelectMany(_ => offset, (transition, seconds) => transition.AddSeconds(seconds));
        return Gen.Frequency((1, anywhere), (1, nearTransition));
    }

    private static Gen<IReadOnlyList<string>> ZonesGen()
    {
        var all = DstZones.Concat(FixedZones).ToArray();
        var few = Gen.Shuffle(all).SelectMany(shuffled => Gen.Choose(1, 3), (shuffled, count) => (IReadOnlyList<string>)shuffled.Take(count).ToList());
        var any = Gen.SubListOf(all).Where(list => list.Count > 0).Select(list => (IReadOnlyList<string>)list.ToList());
        return Gen.Frequency((4, few), (1, any));
    }

    private static Gen<WindowSpec> WindowGen()
    {
        var everyDay = Gen.Constant((IReadOnlyList<DayOfWeek>)Week);
        var someDays = Gen.SubListOf(Week).Where(days => days.Count > 0).Select(days => (IReadOnlyList<DayOfWeek>)days.ToList());
        var days = Gen.Frequency((1, everyDay), (2, someDays));

        // Minutes of the day; most of them between 00:00 and 04:00, where the 2026 transitions of these
        // zones fall, many on quarter hours so that window edges meet the readings a clock skips or repeats.
        var minute = Gen.Frequency((2, Gen.Choose(0, 1439)), (2, Gen.Choose(0, 240)), (3, Gen.Choose(0, 16).Select(quarter => quarter * 15)));
        var times = minute.Two().SelectMany(
            pair => Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true))),
            (pair, untilMidnight) =>
            {
                var (a, b) = pair;
                var from = Math.Min(a, b);
                var to = Math.Max(a, b) == from ? from + 1 : Math.Max(a, b);
                return (From: TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(from)), To: untilMidnight || to >= 1440 ? TimeOnly.MaxValue : TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(to)));
            });
        return days.SelectMany(_ => times, (d, t) => new WindowSpec(d, t.From, t.To));
    }

    private static IEnumerable<DateTimeOffset> TransitionsOf(TimeZoneInfo zone)
    {
        for (var at = Year; at < Year.AddYears(1); at = at.AddHours(1))
        {
            var next = at.AddHours(1);
            if (zone.GetUtcOffset(at) != zone.GetUtcOffset(next))
            {
                var (low, high) = (at, next);
                while (high - low > TimeSpan.FromSeconds(1))
                {
                    var middle = low + ((high - low) / 2);
                    (low, high) = zone.GetUtcOffset(middle) == zone.GetUtcOffset(next) ? (low, middle) : (middle, high);
                }

                yield return high;
            }
        }
    }
}
