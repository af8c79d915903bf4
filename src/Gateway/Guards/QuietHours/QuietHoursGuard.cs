using Gateway.Decisions;
using Gateway.V1;

namespace Gateway.Guards.QuietHours;

/// <summary>
/// Contact only when the recipient's local time is inside the jurisdiction's contact hours in
/// every candidate zone, and the local date is not a rest day or public holiday of a no-contact
/// calendar in any of them. Otherwise defer to the earliest instant allowed everywhere, when the
/// request allows deferral that far; else suppress, naming that instant.
/// </summary>
internal sealed class QuietHoursGuard : ILocalGuard
{
    public const string RuleName = "quiet_hours";

    public GuardVerdict Evaluate(DecisionContext context)
    {
        var windows = context.Jurisdiction.ContactHours;
        var dates = context.Jurisdiction.NoContactDates;
        var zones = context.RecipientZones;
        var zoneList = string.Join(", ", zones.Select(zone => zone.Id));
        if (ContactHoursCalendar.IsAllowed(context.Now, windows, zones, dates))
        {
            return GuardVerdict.Pass(RuleName, $"inside contact hours in {zoneList}");
        }

        // A no-contact date is named as such, so that a complaint about a holiday reads as one.
        var calendar = zones
            .Select(zone => dates.GetValueOrDefault(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Now, zone).DateTime)))
            .FirstOrDefault(name => name is not null);
        var reason = calendar is null ? ReasonCode.QuietHours : ReasonCode.NoContactDay;
        var why = calendar is null ? $"outside contact hours in at least one of {zoneList}" : $"a no-contact day ({calendar}) in at least one of {zoneList}";

        var next = ContactHoursCalendar.NextAllowed(context.Now, windows, zones, dates);
        if (next is null)
        {
            return GuardVerdict.Suppress(RuleName, reason, $"{why}; no contact hours common to {zoneList} within {ContactHoursCalendar.Horizon.TotalDays} days");
        }

        var detail = $"{why}; allowed from {next.Value:O}";
        return context.Request.DeferUntil is { } deferUntil && next.Value <= deferUntil
            ? GuardVerdict.Defer(RuleName, reason, next.Value, detail)
            : GuardVerdict.Suppress(RuleName, reason, detail, next.Value);
    }
}
