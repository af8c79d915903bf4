using FsCheck.Xunit;
using Gateway.Guards.QuietHours;

namespace Gateway.Tests.Guards.QuietHours;

/// <summary>
/// Properties of <see cref="ContactHoursCalendar"/> with no-contact dates over the same zones and
/// DST transitions: no allowed instant falls on a no-contact date in any candidate zone's local
/// date, or outside any zone's windows, and the next allowed instant is the first one.
/// </summary>
public sealed class NoContactDatePropertyTests
{
    private const int Runs = 150;

    [Property(MaxTest = Runs, Arbitrary = [typeof(HolidayScenarios)])]
    public void IsAllowed_AgreesWithWindowsAndLocalDatesInEveryZone(HolidayScenario scenario)
    {
        var calendar = scenario.Calendar;

        var allowed = ContactHoursCalendar.IsAllowed(calendar.Instant, calendar.ContactWindows, calendar.Zones, scenario.NoContactDates);

        Assert.Equal(scenario.AllowedEverywhere(calendar.Instant), allowed);
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(HolidayScenarios)])]
    public void NextAllowed_WhenFound_IsAllowedEverywhere_AndTheStartOfItsStretch(HolidayScenario scenario)
    {
        var calendar = scenario.Calendar;

        var next = ContactHoursCalendar.NextAllowed(calendar.Instant, calendar.ContactWindows, calendar.Zones, scenario.NoContactDates);

        NextAllowedLaws.FoundIsTheStartOfAnAdmittedStretch(calendar.Instant, next, scenario.AllowedEverywhere);
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(HolidayScenarios)])]
    public void NextAllowed_NothingAllowedBetweenStartAndAnswer(HolidayScenario scenario)
    {
        var calendar = scenario.Calendar;

        var next = ContactHoursCalendar.NextAllowed(calendar.Instant, calendar.ContactWindows, calendar.Zones, scenario.NoContactDates);

        NextAllowedLaws.NothingAdmittedBefore(calendar.Instant, next, scenario.AllowedEverywhere);
    }
}
