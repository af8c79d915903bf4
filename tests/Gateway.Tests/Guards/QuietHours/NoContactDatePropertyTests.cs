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
    private static readonly TimeSpan ScanLimit = TimeSpan.FromDays(3);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

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
        if (next is not { } found)
        {
            return;
        }

        Assert.True(found >= calendar.Instant, $"{found:O} is before {calendar.Instant:O}");
        Assert.True(scenario.AllowedEverywhere(found), $"{found:O} is on a no-contact date or outside a window in some zone");
        if (found > calendar.Instant)
        {
            Assert.False(scenario.AllowedEverywhere(found.AddSeconds(-1)), $"{found.AddSeconds(-1):O} is allowed already, so {found:O} is not the first allowed instant");
        }
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(HolidayScenarios)])]
    public void NextAllowed_NothingAllowedBetweenStartAndAnswer(HolidayScenario scenario)
    {
        var calendar = scenario.Calendar;
        var next = ContactHoursCalendar.NextAllowed(calendar.Instant, calendar.ContactWindows, calendar.Zones, scenario.NoContactDates);

        var end = next is { } found && found - calendar.Instant <= ScanLimit ? found : calendar.Instant + ScanLimit;
        for (var at = calendar.Instant; at < end; at += Step)
        {
            Assert.False(scenario.AllowedEverywhere(at), $"{at:O} is allowed everywhere, but NextAllowed answered {(next is null ? "none" : next.Value.ToString("O"))}");
        }
    }
}
