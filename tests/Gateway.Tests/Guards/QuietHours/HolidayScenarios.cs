using FsCheck;
using FsCheck.Fluent;

namespace Gateway.Tests.Guards.QuietHours;

/// <summary>
/// FsCheck generators for <see cref="HolidayScenario"/>: the calendar scenarios (DST transitions
/// included), sometimes without fixed hours, with a run of no-contact dates near the instant in
/// the local date of one of the zones, so that the instant often falls on, just before or just
/// after one, and zones on either side of the date line disagree about which day it is.
/// </summary>
public static class HolidayScenarios
{
    public static Arbitrary<HolidayScenario> Scenario() => Arb.From(
        from calendar in CalendarScenarios.Scenario().Generator
        from noFixedHours in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from zone in Gen.Elements(calendar.ZoneIds.ToArray())
        from first in Gen.Choose(-2, 3)
        from length in Gen.Frequency((3, Gen.Choose(1, 2)), (1, Gen.Choose(3, 8)))
        from gap in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(2, 5)))
        let local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(calendar.Instant, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime)
        let run = Enumerable.Range(first, length).Select(local.AddDays)
        let later = gap == 0 ? [] : new[] { local.AddDays(first + length + gap) }
        select new HolidayScenario(noFixedHours ? calendar with { Windows = [] } : calendar, [.. run, .. later]));
}
