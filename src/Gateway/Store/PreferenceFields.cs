using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Gateway.Rules;
using Gateway.V1;

namespace Gateway.Store;

/// <summary>
/// How a debtor's stated preferences are written in the consent hash, in forms reserve.lua reads
/// without a parser of its own: <c>pref:channels</c> = <c>sms,email</c>; <c>pref:windows</c> =
/// windows separated by <c>;</c>, each <c>days:from-to</c> with days as digits of
/// <see cref="DayOfWeek"/> (0 Sunday … 6 Saturday) and minutes of the day (<c>12345:540-1080</c> is
/// Monday to Friday, 09:00 to 18:00); <c>pref:at</c> = when, in ms. An absent field means no
/// restriction. None of it is personal data beyond the debtor's own choices, and no key names it.
/// </summary>
internal static class PreferenceFields
{
    public const string Channels = "pref:channels";
    public const string Windows = "pref:windows";
    public const string RecordedAt = "pref:at";

    public static string FormatChannels(IEnumerable<Channel> channels) => string.Join(',', channels.Select(RuleNames.Of));

    public static ImmutableArray<Channel> ParseChannels(string? text) =>
        string.IsNullOrEmpty(text) ? [] : [.. text.Split(',').Select(RuleNames.ParseOrUnspecified<Channel>)];

    public static string FormatWindows(IEnumerable<ContactWindow> windows) =>
        string.Join(';', windows.Select(window => string.Create(
            CultureInfo.InvariantCulture,
            $"{string.Concat(window.Days.Select(day => (int)day))}:{ContactWindowText.MinuteOf(window.From)}-{ContactWindowText.MinuteOf(window.To)}")));

    public static ImmutableArray<ContactWindow> ParseWindows(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var windows = ImmutableArray.CreateBuilder<ContactWindow>();
        foreach (var part in text.Split(';'))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var dash = part.IndexOf('-', colon + 1);
            var days = part[..colon].Select(digit => (DayOfWeek)(digit - '0')).ToImmutableArray();
            var from = int.Parse(part.AsSpan(colon + 1, dash - colon - 1), CultureInfo.InvariantCulture);
            var to = int.Parse(part.AsSpan(dash + 1), CultureInfo.InvariantCulture);
            windows.Add(new ContactWindow(days, ContactWindowText.TimeAt(from), ContactWindowText.TimeAt(to)));
        }

        return windows.ToImmutable();
    }

    /// <summary>
    /// The local weekday and minute of <paramref name="instant"/> in each zone, as reserve.lua
    /// compares them with stated windows: <c>day:minute</c> per zone, comma-separated. Read from
    /// each zone's own rules, so the reading on either side of a DST change is the clock's.
    /// </summary>
    public static string LocalTimes(DateTimeOffset instant, IEnumerable<TimeZoneInfo> zones)
    {
        var builder = new StringBuilder();
        foreach (var zone in zones)
        {
            var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
            builder.Append(builder.Length > 0 ? "," : string.Empty)
                .Append(CultureInfo.InvariantCulture, $"{(int)local.DayOfWeek}:{(local.Hour * 60) + local.Minute}");
        }

        return builder.ToString();
    }
}
