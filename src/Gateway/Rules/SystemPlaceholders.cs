using System.Collections.Frozen;

namespace Gateway.Rules;

/// <summary>Placeholders the gateway fills itself, from the lender's recheck and the tenant's configuration.</summary>
internal static class SystemPlaceholders
{
    public const string AmountDue = "amount_due";
    public const string DueDate = "due_date";
    public const string LenderName = "lender_name";
    public const string DebtReference = "debt_ref";

    public static readonly FrozenSet<string> All = new[] { AmountDue, DueDate, LenderName, DebtReference }.ToFrozenSet(StringComparer.Ordinal);
}
