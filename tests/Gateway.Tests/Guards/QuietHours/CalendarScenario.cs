using System.Collections.Immutable;
using System.Globalization;
using Gateway.Rules;

namespace Gateway.Tests.Guards.QuietHours;

/// <summary>One generated case for the contact-hours properties: an instant, the zones the recipient may be in, and weekly windows.</summary>
public sealed record CalendarScenario(DateTimeOffset Instant, IReadOnlyList<string> ZoneIds, IReadOnlyList<WindowSpec> Windows)
{
    internal IReadOnlyList<TimeZoneInfo> Zones => ZoneIds.Select(TimeZoneInfo.FindSystemTimeZoneById).ToList();

    internal IReadOnlyList<ContactWindow> ContactWindows => Windows.Select(window => window.ToContactWindow()).ToList();

    /// <summary>
    /// The test's own reading of the rules, independent of <c>IsAllowed</c>: the local clock of
    /// <paramref name="instant"/> in <paramref name="zone"/> is on a window's day and inside its times.
    /// </summary>
    public bool InsideSomeWindow(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var timeOfDay = local.TimeOfDay;
        return Windows.Any(window => window.Days.Contains(local.DayOfWeek) && timeOfDay >= window.From.ToTimeSpan() && timeOfDay < window.To.ToTimeSpan());
    }

    /// <summary>Allowed by the test's own reading: inside some window in every zone.</summary>
    public bool AllowedEverywhere(DateTimeOffset instant) => Zones.All(zone => InsideSomeWindow(instant, zone));

    public override string ToString() =>
        $"at {Instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)} in [{string.Join(", ", ZoneIds)}] windows [{string.Join("; ", Windows)}]";
}

/// <summary>A contact window in plain types, so that FsCheck can print it.</summary>
public sealed record WindowSpec(IReadOnlyList<DayOfWeek> Days, TimeOnly From, TimeOnly To)
{
    internal ContactWindow ToContactWindow() => new([.. Days], From, To);

    public override string ToString() =>
        $"{string.Join(",", Days.Select(day => day.ToString()[..3]))} {From:HH\\:mm}-{(To == TimeOnly.MaxValue ? "24:00" : To.ToString("HH\\:mm", CultureInfo.InvariantCulture))}";
}
