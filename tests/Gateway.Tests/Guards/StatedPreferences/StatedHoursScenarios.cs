using FsCheck;
using FsCheck.Fluent;
using Gateway.Tests.Guards.QuietHours;

namespace Gateway.Tests.Guards.StatedPreferences;

/// <summary>
/// FsCheck generators for <see cref="StatedHoursScenario"/>: the holiday scenarios (DST zones such
/// as America/New_York, Europe/London and Australia/Lord_Howe, instants near their transitions,
/// sometimes no fixed hours as in the UK preset), half without no-contact dates, and stated windows
/// drawn like contact hours, with edges in the small hours where clocks jump.
/// </summary>
public static class StatedHoursScenarios
{
    public static Arbitrary<StatedHoursScenario> Scenario() => Arb.From(
        from ruleSide in HolidayScenarios.Scenario().Generator
        from withDates in Gen.Elements(false, true)
        from stated in CalendarScenarios.Scenario().Generator
        select new StatedHoursScenario(withDates ? ruleSide : ruleSide with { Dates = [] }, stated.Windows));
}
