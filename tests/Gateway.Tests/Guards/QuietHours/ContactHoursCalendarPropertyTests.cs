using FsCheck.Xunit;
using Gateway.Guards.QuietHours;

namespace Gateway.Tests.Guards.QuietHours;

/// <summary>
/// Properties of <see cref="ContactHoursCalendar"/> over random instants in 2026 (half near DST
/// transitions), random sets of zones with and without DST, and random weekly windows. Each result
/// is checked against the test's own reading of local time, never against <c>IsAllowed</c>.
/// </summary>
public sealed class ContactHoursCalendarPropertyTests
{
    private const int Runs = 200;

    [Property(MaxTest = Runs, Arbitrary = [typeof(CalendarScenarios)])]
    public void NextAllowed_WhenFound_IsNotBeforeStartAndInsideAWindowInEveryZone(CalendarScenario scenario)
    {
        var next = ContactHoursCalendar.NextAllowed(scenario.Instant, scenario.ContactWindows, scenario.Zones);
        if (next is not { } found)
        {
            return;
        }

        Assert.True(found >= scenario.Instant, $"{found:O} is before {scenario.Instant:O}");
        Assert.True(found - scenario.Instant <= ContactHoursCalendar.Horizon, $"{found:O} is beyond the horizon");
        foreach (var zone in scenario.Zones)
        {
            Assert.True(scenario.InsideSomeWindow(found, zone), $"{found:O} is {TimeZoneInfo.ConvertTime(found, zone):ddd yyyy-MM-dd HH:mm:ss} in {zone.Id}, outside every window");
        }

        // The answer is the start of the allowed stretch, not a point inside it.
        if (found > scenario.Instant)
        {
            Assert.False(scenario.AllowedEverywhere(found.AddSeconds(-1)), $"{found.AddSeconds(-1):O} is allowed already, so {found:O} is not the first allowed instant");
        }
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(CalendarScenarios)])]
    public void NextAllowed_NothingAllowedBetweenStartAndAnswer(CalendarScenario scenario)
    {
        var next = ContactHoursCalendar.NextAllowed(scenario.Instant, scenario.ContactWindows, scenario.Zones);

        NextAllowedLaws.NothingAdmittedBefore(scenario.Instant, next, scenario.AllowedEverywhere);
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(CalendarScenarios)])]
    public void IsAllowed_AgreesWithLocalTimeInEveryZone(CalendarScenario scenario)
    {
        var expected = scenario.AllowedEverywhere(scenario.Instant);

        Assert.Equal(expected, ContactHoursCalendar.IsAllowed(scenario.Instant, scenario.ContactWindows, scenario.Zones));
    }
}
