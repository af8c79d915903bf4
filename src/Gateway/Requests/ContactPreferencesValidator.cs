using System.Collections.Immutable;
using Gateway.Guards.StatedPreferences;
using Gateway.Rules;
using Gateway.V1;
using Google.Rpc;

namespace Gateway.Requests;

/// <summary>
/// Checks a debtor's stated preferences field by field, naming each problem with its path
/// (<c>preferences.windows[1].from</c>), never stopping at the first. Windows mean what a rule
/// set's <c>contactHours</c> mean, and are parsed by the same code.
/// </summary>
internal static class ContactPreferencesValidator
{
    /// <summary>More windows than a week of distinct stretches needs is a caller's mistake, not a wish.</summary>
    public const int MaxWindows = 28;

    /// <summary>The preferences in the gateway's own types, or null after adding a violation for each problem.</summary>
    public static DebtorPreferences? Validate(V1.ContactPreferences? preferences, string field, List<BadRequest.Types.FieldViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (preferences is null)
        {
            Add(violations, field, "is required (send an empty message for no restriction)");
            return null;
        }

        var before = violations.Count;
        var channels = ImmutableArray.CreateBuilder<Channel>();
        if (preferences.Channels.Count > Enum.GetValues<Channel>().Length)
        {
            Add(violations, $"{field}.channels", "lists more channels than there are");
            return null;
        }

        for (var i = 0; i < preferences.Channels.Count; i++)
        {
            var channel = preferences.Channels[i];
            if (channel == Channel.Unspecified || !Enum.IsDefined(channel))
            {
                Add(violations, $"{field}.channels[{i}]", "must be a known channel");
            }
            else if (channels.Contains(channel))
            {
                Add(violations, $"{field}.channels[{i}]", $"{RuleNames.Of(channel)} is listed twice");
            }
            else
            {
                channels.Add(channel);
            }
        }

        if (preferences.Windows.Count > MaxWindows)
        {
            Add(violations, $"{field}.windows", $"at most {MaxWindows} windows; none was examined");
            return null;
        }

        var windows = ImmutableArray.CreateBuilder<ContactWindow>();
        for (var i = 0; i < preferences.Windows.Count; i++)
        {
            if (Window(preferences.Windows[i], $"{field}.windows[{i}]", violations) is { } window)
            {
                windows.Add(window);
            }
        }

        return violations.Count > before ? null : new DebtorPreferences(channels.ToImmutable(), windows.ToImmutable());
    }

    private static ContactWindow? Window(StatedWindow window, string field, List<BadRequest.Types.FieldViolation> violations)
    {
        var before = violations.Count;
        var days = new List<DayOfWeek>();
        if (window.Days.Count is 0 or > 7)
        {
            // More than the seven days of a week is a caller's mistake; none is examined.
            Add(violations, $"{field}.days", "must list one to seven days");
        }

        for (var i = 0; i < window.Days.Count && window.Days.Count <= 7; i++)
        {
            if (ContactWindowText.ParseDay(window.Days[i]) is not { } day)
            {
                Add(violations, $"{field}.days[{i}]", $"'{window.Days[i]}' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
            }
            else if (days.Contains(day))
            {
                Add(violations, $"{field}.days[{i}]", $"{ContactWindowText.FormatDay(day)} is listed twice");
            }
            else
            {
                days.Add(day);
            }
        }

        var from = ContactWindowText.ParseTime(window.From);
        var to = ContactWindowText.ParseTime(window.To);
        if (from is null || from == TimeOnly.MaxValue)
        {
            Add(violations, $"{field}.from", $"'{window.From}' is not a time of day as HH:mm (00:00 to 23:59)");
        }

        if (to is null)
        {
            Add(violations, $"{field}.to", $"'{window.To}' is not a time of day as HH:mm (24:00 for the end of the day)");
        }
        else if (from is not null && to <= from)
        {
            Add(violations, $"{field}.to", "must be later than from (a window may not cross midnight; split it in two)");
        }

        return violations.Count > before ? null : new ContactWindow([.. ContactWindowText.Week.Where(days.Contains)], from!.Value, to!.Value);
    }

    private static void Add(List<BadRequest.Types.FieldViolation> violations, string field, string description) =>
        violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
}
