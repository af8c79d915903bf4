using Gateway.Rules;
using Gateway.Tests.Guards.QuietHours;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Guards.StatedPreferences;

/// <summary>
/// One generated case for the stated-times rule: the rule set's side (contact hours, possibly
/// none, and no-contact dates, in the recipient's candidate zones, at an instant) and the windows
/// the debtor stated.
/// </summary>
public sealed record StatedHoursScenario(HolidayScenario RuleSide, IReadOnlyList<WindowSpec> Stated)
{
    internal CalendarScenario Calendar => RuleSide.Calendar;

    internal IReadOnlyList<ContactWindow> StatedWindows => Stated.Select(window => window.ToContactWindow()).ToList();

    /// <summary>The US preset's jurisdiction with this case's contact hours, no-contact dates and zones.</summary>
    internal JurisdictionRules Jurisdiction => RulePresets.Us.Jurisdictions["US"] with
    {
        ContactHours = [.. Calendar.ContactWindows],
        NoContactDates = RuleSide.NoContactDates,
        FallbackTimeZones = [.. Calendar.Zones],
    };

    /// <summary>
    /// The test's own reading, independent of the gateway's window intersection: allowed by the rule
    /// set in every zone, and inside some stated window in every zone.
    /// </summary>
    public bool Admitted(DateTimeOffset instant) =>
        RuleSide.AllowedEverywhere(instant) && Calendar.Zones.All(zone => InsideStatedWindow(instant, zone));

    private bool InsideStatedWindow(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return Stated.Any(window => window.Days.Contains(local.DayOfWeek) && local.TimeOfDay >= window.From.ToTimeSpan() && local.TimeOfDay < window.To.ToTimeSpan());
    }

    public override string ToString() => $"{RuleSide} stated [{string.Join("; ", Stated)}]";
}
