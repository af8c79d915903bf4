using FsCheck.Xunit;
using Gateway.Guards.StatedPreferences;
using Gateway.Tests.Guards.QuietHours;

namespace Gateway.Tests.Guards.StatedPreferences;

/// <summary>
/// Properties of the stated-times rule over random stated windows, contact hours, no-contact
/// dates, zone sets and instants (half near DST transitions): what the gateway admits lies inside a
/// stated window and the contact hours in every candidate zone, and the instant it defers to is
/// admitted with no admitted minute before it. Each result is checked against the test's own
/// reading of local time, never against the gateway's window intersection.
/// </summary>
public sealed class StatedPreferencesRulePropertyTests
{
    private const int Runs = 150;

    [Property(MaxTest = Runs, Arbitrary = [typeof(StatedHoursScenarios)])]
    public void IsAllowed_AdmitsExactlyInsideAStatedWindowAndTheContactHoursInEveryZone(StatedHoursScenario scenario)
    {
        var calendar = scenario.Calendar;

        var allowed = StatedPreferencesRule.IsAllowed(calendar.Instant, scenario.StatedWindows, scenario.Jurisdiction, calendar.Zones);

        Assert.Equal(scenario.Admitted(calendar.Instant), allowed);
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(StatedHoursScenarios)])]
    public void NextAllowed_WhenFound_IsAdmittedAndTheStartOfItsStretch(StatedHoursScenario scenario)
    {
        var start = scenario.Calendar.Instant;

        var next = StatedPreferencesRule.NextAllowed(start, scenario.StatedWindows, scenario.Jurisdiction, scenario.Calendar.Zones);

        NextAllowedLaws.FoundIsTheStartOfAnAdmittedStretch(start, next, scenario.Admitted);
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(StatedHoursScenarios)])]
    public void NextAllowed_NoAdmittedMinuteBetweenStartAndAnswer(StatedHoursScenario scenario)
    {
        var start = scenario.Calendar.Instant;

        var next = StatedPreferencesRule.NextAllowed(start, scenario.StatedWindows, scenario.Jurisdiction, scenario.Calendar.Zones);

        NextAllowedLaws.NothingAdmittedBefore(start, next, scenario.Admitted);
    }
}
