using System.Xml;
using Gateway.Decisions;
using Gateway.V1;
using Lending.V1;

namespace Gateway.Recheck;

/// <summary>
/// What the lender's answers mean for a reminder, as one table per answer. Anything the table does
/// not know (an unset or unknown enum, a missing field) is malformed, and the gateway fails closed.
/// </summary>
internal static class RecheckPolicy
{
    public const string RepaymentRule = "recheck.repayment";
    public const string ContactRule = "recheck.contact";

    public static GuardVerdict Judge(Purpose purpose, GetRepaymentStatusResponse answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.AsOfTime is null)
        {
            return GuardVerdict.Unavailable(RepaymentRule, ReasonCode.RecheckInvalid, "the answer has no as_of_time");
        }

        var collecting = purpose is Purpose.OverdueNotice or Purpose.CollectionNotice;
        return answer.Status switch
        {
            RepaymentStatus.Current when collecting => GuardVerdict.Suppress(RepaymentRule, ReasonCode.NotDue, "the debt is current"),
            RepaymentStatus.Due when collecting => GuardVerdict.Suppress(RepaymentRule, ReasonCode.NotDue, "the debt is due, not overdue"),
            RepaymentStatus.Current or RepaymentStatus.Due or RepaymentStatus.Overdue or RepaymentStatus.ChargedOff
                when answer.AmountDue is null => GuardVerdict.Unavailable(RepaymentRule, ReasonCode.RecheckInvalid, "the answer has no amount_due"),
            RepaymentStatus.Current or RepaymentStatus.Due or RepaymentStatus.Overdue or RepaymentStatus.ChargedOff =>
                GuardVerdict.Pass(RepaymentRule, $"status {answer.Status}"),
            RepaymentStatus.PaidInFull => GuardVerdict.Suppress(RepaymentRule, ReasonCode.AlreadyPaid, "the lender reports the debt paid in full"),
            RepaymentStatus.PaymentPending => GuardVerdict.Suppress(RepaymentRule, ReasonCode.PaymentPending, "a payment is being processed"),
            RepaymentStatus.Settled => GuardVerdict.Suppress(RepaymentRule, ReasonCode.Settled, "the debt is settled"),
            RepaymentStatus.Disputed => GuardVerdict.Suppress(RepaymentRule, ReasonCode.Disputed, "the debtor disputes the debt"),
            RepaymentStatus.Bankruptcy => GuardVerdict.Suppress(RepaymentRule, ReasonCode.Bankruptcy, "the debtor is in bankruptcy"),
            RepaymentStatus.Deceased => GuardVerdict.Suppress(RepaymentRule, ReasonCode.Deceased, "the debtor is deceased"),
            RepaymentStatus.Hardship => GuardVerdict.Suppress(RepaymentRule, ReasonCode.Hardship, "the debt is in hardship or forbearance"),
            _ => GuardVerdict.Unavailable(RepaymentRule, ReasonCode.RecheckInvalid, $"unknown repayment status {(int)answer.Status}"),
        };
    }

    /// <summary>
    /// Judges the lender's answer about a contact point. <paramref name="reverifyAfter"/> is the
    /// jurisdiction's <c>contactReverifyAfter</c> (null: no such rule), measured back from
    /// <paramref name="now"/>, the instant the decision is made on the business clock.
    /// </summary>
    public static GuardVerdict Judge(VerifyContactResponse answer, ContactKind kind, TimeSpan? reverifyAfter, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var flags = answer.DoNotContact ?? new DoNotContact();
        if (flags.AttorneyRepresented)
        {
            return GuardVerdict.Suppress(ContactRule, ReasonCode.AttorneyRepresented, "the debtor is represented by an attorney");
        }

        if (flags.CeaseRequested)
        {
            return GuardVerdict.Suppress(ContactRule, ReasonCode.CeaseRequested, "the debtor asked to cease communication");
        }

        if (flags.WorkplaceForbidden)
        {
            return GuardVerdict.Suppress(ContactRule, ReasonCode.WorkplaceForbidden, "the contact point is at work and the debtor forbade contact there");
        }

        if (answer.Reassigned == ReassignedCheck.Reassigned)
        {
            return GuardVerdict.Suppress(ContactRule, ReasonCode.NumberReassigned, "the number was reassigned since the debtor gave it");
        }

        // An unset answer means the lender did not check (the stale-number rule then decides); a
        // value this gateway does not know is malformed: never read it as "not reassigned".
        if (!System.Enum.IsDefined(answer.Reassigned))
        {
            return GuardVerdict.Unavailable(ContactRule, ReasonCode.RecheckInvalid, $"unknown reassigned-number answer {(int)answer.Reassigned}");
        }

        return answer.Ownership switch
        {
            Ownership.Debtor when kind == ContactKind.Phone && reverifyAfter is { } period && !IsFresh(answer, now - period) =>
                GuardVerdict.Suppress(
                    ContactRule,
                    ReasonCode.NumberReassigned,
                    $"the debtor has not used this number within {XmlConvert.ToString(period)} and it needs a fresh reassigned-number check"),
            Ownership.Debtor => GuardVerdict.Pass(ContactRule, $"belongs to the debtor ({answer.Source})"),
            Ownership.NotDebtor => GuardVerdict.Suppress(ContactRule, ReasonCode.ContactNotDebtor, "the contact point belongs to someone else"),
            Ownership.Unknown => GuardVerdict.Suppress(ContactRule, ReasonCode.ContactUnverified, "whom the contact point belongs to is unknown"),
            _ => GuardVerdict.Unavailable(ContactRule, ReasonCode.RecheckInvalid, $"unknown ownership {(int)answer.Ownership}"),
        };
    }

    /// <summary>
    /// A number may have been recycled to a stranger since the debtor last used it (Regulation F's
    /// reassigned-numbers safe harbour). It is trusted only if the debtor contacted the lender from
    /// it since <paramref name="since"/>, or a reassigned-numbers database said "not reassigned"
    /// since then. Any other answer of the database (no data, not checked) proves nothing.
    /// </summary>
    private static bool IsFresh(VerifyContactResponse answer, DateTimeOffset since) =>
        answer.LastInboundContactTime?.ToDateTimeOffset() >= since
        || (answer.Reassigned == ReassignedCheck.NotReassigned && answer.ReassignedCheckedTime?.ToDateTimeOffset() >= since);
}
