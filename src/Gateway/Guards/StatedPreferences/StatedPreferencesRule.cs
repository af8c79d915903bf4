using System.Collections.Immutable;
using Gateway.Decisions;
using Gateway.Guards.QuietHours;
using Gateway.Rules;
using Gateway.V1;

namespace Gateway.Guards.StatedPreferences;

/// <summary>
/// The debtor's stated channels and times, checked by reserve.lua in the step-3 round trip (they
/// are per-debtor data, read where consent is read). This turns the script's answer into a
/// verdict. Outside the stated times, the reminder may go at the first instant allowed by the
/// stated windows and the contact hours together, off no-contact days, in every candidate zone:
/// the two window sets are intersected and handed to <see cref="ContactHoursCalendar"/>, so DST
/// and calendars are handled exactly as for quiet hours. A stated wish never loosens the rules.
/// Details name channels and zones, never a contact point.
/// </summary>
internal static class StatedPreferencesRule
{
    public const string RuleName = "stated_preferences";

    public static GuardVerdict Met() => GuardVerdict.Pass(RuleName, "inside the debtor's stated channels and times");

    public static GuardVerdict ChannelNotPreferred(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return GuardVerdict.Suppress(RuleName, ReasonCode.ChannelNotPreferred, $"{RuleNames.Of(context.Request.Channel)} is not among the debtor's stated channels");
    }

    public static GuardVerdict OutsideStatedHours(DecisionContext context, ImmutableArray<ContactWindow> stated)
    {
        ArgumentNullException.ThrowIfNull(context);
        var zones = context.RecipientZones;
        var zoneList = string.Join(", ", zones.Select(zone => zone.Id));
        var why = $"outside the debtor's stated times in at least one of {zoneList}";
        var next = NextAllowed(context.Now, stated, context.Jurisdiction, zones);
        if (next is null)
        {
            return GuardVerdict.Suppress(RuleName, ReasonCode.OutsideStatedHours, $"{why}; no time inside both the stated times and the contact hours in {zoneList} within {ContactHoursCalendar.Horizon.TotalDays} days");
        }

        var detail = $"{why}; allowed from {next.Value:O}";
        return context.Request.DeferUntil is { } deferUntil && next.Value <= deferUntil
            ? GuardVerdict.Defer(RuleName, ReasonCode.OutsideStatedHours, next.Value, detail)
            : GuardVerdict.Suppress(RuleName, ReasonCode.OutsideStatedHours, detail, next.Value);
    }

    /// <summary>
    /// Whether <paramref name="instant"/> is allowed by the stated windows, the jurisdiction's (or
    /// tenant's) contact hours and no-contact days, in every zone: what the gateway admits.
    /// </summary>
    public static bool IsAllowed(DateTimeOffset instant, IReadOnlyList<ContactWindow> stated, JurisdictionRules jurisdiction, IReadOnlyList<TimeZoneInfo> zones)
    {
        ArgumentNullException.ThrowIfNull(jurisdiction);
        return ContactWindows.Intersect(jurisdiction.ContactHours, stated) is { } windows
            && ContactHoursCalendar.IsAllowed(instant, windows, zones, jurisdiction.NoContactDates);
    }

    /// <summary>The first instant at or after <paramref name="from"/> that <see cref="IsAllowed"/> admits, or null when none is within the calendar's horizon.</summary>
    public static DateTimeOffset? NextAllowed(DateTimeOffset from, IReadOnlyList<ContactWindow> stated, JurisdictionRules jurisdiction, IReadOnlyList<TimeZoneInfo> zones)
    {
        ArgumentNullException.ThrowIfNull(jurisdiction);
        return ContactWindows.Intersect(jurisdiction.ContactHours, stated) is { } windows
            ? ContactHoursCalendar.NextAllowed(from, windows, zones, jurisdiction.NoContactDates)
            : null;
    }
}
