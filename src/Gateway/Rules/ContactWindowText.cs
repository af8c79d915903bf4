using System.Globalization;

namespace Gateway.Rules;

/// <summary>
/// The text forms of a contact window's parts, as rule files and the preferences API write them:
/// days <c>Mon</c>…<c>Sun</c>, times <c>HH:mm</c> with <c>24:00</c> as the end of the day.
/// </summary>
internal static class ContactWindowText
{
    /// <summary>The week in the order windows are written back: Monday first.</summary>
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>A time of day as <c>HH:mm</c>; <c>24:00</c> is <see cref="TimeOnly.MaxValue"/>, the end of the day.</summary>
    public static TimeOnly? ParseTime(string? text)
    {
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        return text == "24:00" ? TimeOnly.MaxValue : null;
    }

    public static DayOfWeek? ParseDay(string? text) => text?.ToUpperInvariant() switch
    {
        "MON" => DayOfWeek.Monday,
        "TUE" => DayOfWeek.Tuesday,
        "WED" => DayOfWeek.Wednesday,
        "THU" => DayOfWeek.Thursday,
        "FRI" => DayOfWeek.Friday,
        "SAT" => DayOfWeek.Saturday,
        "SUN" => DayOfWeek.Sunday,
        _ => null,
    };

    public static string FormatDay(DayOfWeek day) => day.ToString()[..3];

    public static string FormatTime(TimeOnly time) => time == TimeOnly.MaxValue ? "24:00" : time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The minute of the day a window edge stands for: 0 to 1440 (<c>24:00</c>).</summary>
    public static int MinuteOf(TimeOnly time) => time == TimeOnly.MaxValue ? 1440 : (time.Hour * 60) + time.Minute;

    /// <summary>The window edge at <paramref name="minute"/> of the day (0 to 1440).</summary>
    public static TimeOnly TimeAt(int minute) => minute >= 1440 ? TimeOnly.MaxValue : new TimeOnly(minute / 60, minute % 60);
}
