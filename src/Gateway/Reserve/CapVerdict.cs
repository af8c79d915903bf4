using System.Globalization;
using Gateway.Decisions;
using Gateway.Store;
using Gateway.V1;

namespace Gateway.Reserve;

/// <summary>One cap's verdict from its count: pass, defer to when a slot frees (if the request allows waiting that long), or suppress.</summary>
internal static class CapVerdict
{
    public static GuardVerdict Of(CapCount count, DateTimeOffset? deferUntil)
    {
        ArgumentNullException.ThrowIfNull(count);
        var rule = "cap:" + count.Cap.Id;
        var detail = $"{count.Count} of {count.Cap.Limit} in {count.Cap.Describe()} before this one";
        if (!count.IsFull)
        {
            return GuardVerdict.Pass(rule, detail);
        }

        if (deferUntil is { } until && count.FreesAt!.Value <= until)
        {
            return GuardVerdict.Defer(rule, ReasonCode.CapExceeded, count.FreesAt.Value, detail + "; a slot frees at " + count.FreesAt.Value.ToString("O", CultureInfo.InvariantCulture));
        }

        return GuardVerdict.Suppress(rule, ReasonCode.CapExceeded, detail, count.FreesAt);
    }
}
