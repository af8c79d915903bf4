using System.Collections.Frozen;
using System.Globalization;

namespace Gateway.Tests.Guards.QuietHours;

/// <summary>A contact-hours case with no-contact dates (rest days, public holidays), read in each zone's local date.</summary>
public sealed record HolidayScenario(CalendarScenario Calendar, IReadOnlyList<DateOnly> Dates)
{
    internal FrozenDictionary<DateOnly, string> NoContactDates => Dates.Distinct().ToFrozenDictionary(date => date, _ => "holidays");

    /// <summary>The test's own reading: inside some window in every zone (any time when there are no windows), and on a no-contact date in none.</summary>
    public bool AllowedEverywhere(DateTimeOffset instant) =>
        Calendar.Zones.All(zone =>
            (Calendar.Windows.Count == 0 || Calendar.InsideSomeWindow(instant, zone))
            && !Dates.Contains(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime)));

    public override string ToString() =>
        $"{Calendar} no contact on [{string.Join(", ", Dates.Select(date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}]";
}
