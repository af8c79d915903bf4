using System.Globalization;
using Gateway.Decisions;
using Gateway.Guards.Content;
using Gateway.Rules;

namespace Gateway.Relay;

/// <summary>The placeholders the gateway fills itself, from the tenant and the lender's own figures, never from the caller.</summary>
internal static class SystemValues
{
    public static Dictionary<string, string> For(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var culture = CultureInfo.GetCultureInfo(context.Request.Locale);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SystemPlaceholders.LenderName] = context.Tenant.LenderName,
            [SystemPlaceholders.DebtReference] = TemplateRenderer.MaskReference(context.Request.DebtId),
        };
        if (context.Facts?.AmountDue is { } amount)
        {
            var value = amount.Units + (amount.Nanos / 1_000_000_000m);
            values[SystemPlaceholders.AmountDue] = string.Create(culture, $"{amount.CurrencyCode} {value:N2}");
        }

        if (context.Facts?.DueDate is { Year: > 0 } date)
        {
            values[SystemPlaceholders.DueDate] = new DateOnly(date.Year, date.Month, date.Day).ToString("D", culture);
        }

        return values;
    }
}
