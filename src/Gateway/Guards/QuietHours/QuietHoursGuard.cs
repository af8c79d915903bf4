using Gateway.Pipeline;
using Gateway.V1;

namespace Gateway.Guards.QuietHours;

/// <summary>
/// Contact only when the recipient's local time is inside the jurisdiction's contact hours in
/// every candidate zone. Otherwise defer to the earliest instant allowed everywhere, when the
/// request allows deferral that far; else suppress, naming that instant.
/// </summary>
internal sealed class QuietHoursGuard : ILocalGuard
{
    public const string RuleName = "quiet_hours";

    public GuardVerdict Evaluate(DecisionContext context)
    {
        var windows = context.Jurisdiction.ContactHours;
        var zones = RecipientZones.For(context.Request, context.Jurisdiction);
        var zoneList = string.Join(", ", zones.Select(zone => zone.Id));
        if (ContactHoursCalendar.IsAllowed(context.Now, windows, zones))
        {
            return GuardVerdict.Pass(RuleName, $"inside contact hours in {zoneList}");
        }

        var next = ContactHoursCalendar.NextAllowed(context.Now, windows, zones);
        if (next is null)
        {
            return GuardVerdict.Suppress(RuleName, ReasonCode.QuietHours, $"no contact hours common to {zoneList} within {ContactHoursCalendar.Horizon.TotalDays} days");
        }

        var detail = $"outside contact hours in at least one of {zoneList}; allowed from {next.Value:O}";
        return context.Request.DeferUntil is { } deferUntil && next.Value <= deferUntil
            ? GuardVerdict.Defer(RuleName, ReasonCode.QuietHours, next.Value, detail)
            : GuardVerdict.Suppress(RuleName, ReasonCode.QuietHours, detail, next.Value);
    }
}
