using System.Collections.Immutable;
using Gateway.Guards.QuietHours;
using Gateway.Rules;

namespace Gateway.Tests.Guards.QuietHours;

/// <summary>The DST cases of <see cref="ContactHoursCalendar"/>, one by one, with instants worked out by hand.</summary>
public sealed class ContactHoursCalendarTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo LordHowe = TimeZoneInfo.FindSystemTimeZoneById("Australia/Lord_Howe");
    private static readonly TimeZoneInfo Honolulu = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Honolulu");
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    [Fact]
    public void NextAllowed_InsideSpringForwardGap_StartsWhenClockJumps()
    {
        // 2026-03-08: New York's clocks go from 02:00 EST to 03:00 EDT at 07:00Z; 02:30 never happens.
        ContactWindow[] windows = [Window(DayOfWeek.Sunday, "02:30", "05:00")];
        var midnight = Utc(2026, 3, 8, 5, 0);

        var next = ContactHoursCalendar.NextAllowed(midnight, windows, [NewYork]);

        Assert.Equal(Utc(2026, 3, 8, 7, 0), next);
        Assert.False(ContactHoursCalendar.IsAllowed(Utc(2026, 3, 8, 6, 59).AddSeconds(59), windows, [NewYork]));
        Assert.True(ContactHoursCalendar.IsAllowed(Utc(2026, 3, 8, 7, 0), windows, [NewYork]));
    }

    [Fact]
    public void NextAllowed_InsideLordHoweHalfHourGap_StartsWhenClockJumps()
    {
        // 2026-10-04: Lord Howe goes from 02:00 (+10:30) to 02:30 (+11) at 15:30Z on 10-03; 02:10 never happens.
        ContactWindow[] windows = [Window(DayOfWeek.Sunday, "02:10", "04:00")];

        var next = ContactHoursCalendar.NextAllowed(Utc(2026, 10, 3, 14, 0), windows, [LordHowe]);

        Assert.Equal(Utc(2026, 10, 3, 15, 30), next);
    }

    [Fact]
    public void NextAllowed_FallBackOverlap_BothPassesOfTheStartAreWindowStarts()
    {
        // 2026-11-01: New York reads 01:30 twice, at 05:30Z (EDT) and at 06:30Z (EST).
        ContactWindow[] windows = [Window(DayOfWeek.Sunday, "01:30", "01:45")];

        var first = ContactHoursCalendar.NextAllowed(Utc(2026, 11, 1, 5, 0), windows, [NewYork]);
        var second = ContactHoursCalendar.NextAllowed(Utc(2026, 11, 1, 5, 50), windows, [NewYork]);

        Assert.Equal(Utc(2026, 11, 1, 5, 30), first);
        Assert.Equal(Utc(2026, 11, 1, 6, 30), second);
    }

    [Fact]
    public void NextAllowed_ClockFallsBackIntoWindow_StartsAtTransition()
    {
        // 2026-11-01: at 06:00Z New York's clock goes from 01:59:59 EDT back to 01:00 EST, inside 00:30-01:30 again.
        ContactWindow[] windows = [Window(DayOfWeek.Sunday, "00:30", "01:30")];

        var next = ContactHoursCalendar.NextAllowed(Utc(2026, 11, 1, 5, 45), windows, [NewYork]);

        Assert.Equal(Utc(2026, 11, 1, 6, 0), next);
    }

    [Fact]
    public void NextAllowed_ZonesWithoutCommonHours_ReturnsNull()
    {
        // 09:00-10:00 in Honolulu (UTC-10) is 00:30-01:30 the next day in Kolkata (UTC+5:30): never both.
        ContactWindow[] windows = [Window(DayOfWeek.Monday, "09:00", "10:00", everyDay: true)];
        var from = Utc(2026, 6, 1, 19, 0);

        Assert.True(ContactHoursCalendar.IsAllowed(from, windows, [Honolulu]));
        Assert.Null(ContactHoursCalendar.NextAllowed(from, windows, [Honolulu, Kolkata]));
        Assert.False(ContactHoursCalendar.IsAllowed(from, windows, [Honolulu, Kolkata]));
    }

    [Fact]
    public void NextAllowed_SeveralZones_WaitsForTheLastZoneToOpen()
    {
        // 08:00-21:00 everywhere: New York (EDT, UTC-4) opens at 12:00Z, Honolulu (UTC-10) at 18:00Z.
        ContactWindow[] windows = [Window(DayOfWeek.Monday, "08:00", "21:00", everyDay: true)];

        var next = ContactHoursCalendar.NextAllowed(Utc(2026, 6, 1, 11, 0), windows, [NewYork, Honolulu]);

        Assert.Equal(Utc(2026, 6, 1, 18, 0), next);
    }

    [Fact]
    public void IsAllowed_NoWindows_AlwaysAllowed()
    {
        var night = Utc(2026, 1, 1, 8, 0);

        Assert.True(ContactHoursCalendar.IsAllowed(night, [], [NewYork, Kolkata]));
        Assert.Equal(night, ContactHoursCalendar.NextAllowed(night, [], [NewYork, Kolkata]));
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static ContactWindow Window(DayOfWeek day, string from, string to, bool everyDay = false) =>
        new(everyDay ? [.. Enum.GetValues<DayOfWeek>()] : ImmutableArray.Create(day), TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
}
