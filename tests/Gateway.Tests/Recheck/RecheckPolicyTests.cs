using Gateway.Recheck;
using Gateway.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Type;
using Lending.V1;

namespace Gateway.Tests.Recheck;

/// <summary>Each lender answer the issue names, mapped to its verdict and reason, one table per answer.</summary>
public sealed class RecheckPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 20, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan SixtyDays = TimeSpan.FromDays(60);

    public static TheoryData<RepaymentStatus, Purpose, Verdict, ReasonCode> Repayments => new()
    {
        { RepaymentStatus.Overdue, Purpose.OverdueNotice, Verdict.Pass, ReasonCode.Unspecified },
        { RepaymentStatus.ChargedOff, Purpose.CollectionNotice, Verdict.Pass, ReasonCode.Unspecified },
        { RepaymentStatus.Due, Purpose.DueDateReminder, Verdict.Pass, ReasonCode.Unspecified },
        { RepaymentStatus.Current, Purpose.PreDueReminder, Verdict.Pass, ReasonCode.Unspecified },
        { RepaymentStatus.Current, Purpose.OverdueNotice, Verdict.Suppress, ReasonCode.NotDue },
        { RepaymentStatus.Due, Purpose.CollectionNotice, Verdict.Suppress, ReasonCode.NotDue },
        { RepaymentStatus.PaidInFull, Purpose.OverdueNotice, Verdict.Suppress, ReasonCode.AlreadyPaid },
        { RepaymentStatus.PaymentPending, Purpose.OverdueNotice, Verdict.Suppress, ReasonCode.PaymentPending },
        { RepaymentStatus.Settled, Purpose.OverdueNotice, Verdict.Suppress, ReasonCode.Settled },
        { RepaymentStatus.Disputed, Purpose.OverdueNotice, Verdict.Suppress, ReasonCode.Disputed },
        { RepaymentStatus.Bankruptcy, Purpose.OverdueNotice, Verdict.Suppress, ReasonCode.Bankruptcy },
        { RepaymentStatus.Deceased, Purpose.OverdueNotice, Verdict.Suppress, ReasonCode.Deceased },
        { RepaymentStatus.Hardship, Purpose.OverdueNotice, Verdict.Suppress, ReasonCode.Hardship },
        { RepaymentStatus.Unspecified, Purpose.OverdueNotice, Verdict.Unavailable, ReasonCode.RecheckInvalid },
        { (RepaymentStatus)99, Purpose.OverdueNotice, Verdict.Unavailable, ReasonCode.RecheckInvalid },
    };

    [Theory]
    [MemberData(nameof(Repayments))]
    public void Judge_RepaymentStatus_MapsToVerdictAndReason(RepaymentStatus status, Purpose purpose, Verdict verdict, ReasonCode reason)
    {
        var answer = new GetRepaymentStatusResponse { Status = status, AmountDue = new Money { CurrencyCode = "USD", Units = 10 }, AsOfTime = Timestamp.FromDateTimeOffset(Now) };

        var judged = RecheckPolicy.Judge(purpose, answer);

        Assert.Equal((verdict, reason), (judged.Verdict, judged.Reason));
    }

    [Fact]
    public void Judge_RepaymentWithoutAsOfTime_MalformedFailsClosed()
    {
        var judged = RecheckPolicy.Judge(Purpose.OverdueNotice, new GetRepaymentStatusResponse { Status = RepaymentStatus.Overdue, AmountDue = new Money { CurrencyCode = "USD", Units = 10 } });

        Assert.Equal((Verdict.Unavailable, ReasonCode.RecheckInvalid), (judged.Verdict, judged.Reason));
    }

    [Fact]
    public void Judge_OwedWithoutAmountDue_MalformedFailsClosed()
    {
        var judged = RecheckPolicy.Judge(Purpose.OverdueNotice, new GetRepaymentStatusResponse { Status = RepaymentStatus.Overdue, AsOfTime = Timestamp.FromDateTimeOffset(Now) });

        Assert.Equal((Verdict.Unavailable, ReasonCode.RecheckInvalid), (judged.Verdict, judged.Reason));
    }

    public static TheoryData<string, Verdict, ReasonCode> ContactAnswers => new()
    {
        { "debtor", Verdict.Pass, ReasonCode.Unspecified },
        { "attorney", Verdict.Suppress, ReasonCode.AttorneyRepresented },
        { "cease", Verdict.Suppress, ReasonCode.CeaseRequested },
        { "workplace", Verdict.Suppress, ReasonCode.WorkplaceForbidden },
        { "reassigned", Verdict.Suppress, ReasonCode.NumberReassigned },
        { "not_debtor", Verdict.Suppress, ReasonCode.ContactNotDebtor },
        { "unknown", Verdict.Suppress, ReasonCode.ContactUnverified },
        { "unspecified", Verdict.Unavailable, ReasonCode.RecheckInvalid },
        { "ownership_42", Verdict.Unavailable, ReasonCode.RecheckInvalid },
    };

    [Theory]
    [MemberData(nameof(ContactAnswers))]
    public void Judge_ContactAnswer_MapsToVerdictAndReason(string answerName, Verdict verdict, ReasonCode reason)
    {
        var answer = FreshDebtorNumber();
        switch (answerName)
        {
            case "attorney": answer.DoNotContact = new DoNotContact { AttorneyRepresented = true }; break;
            case "cease": answer.DoNotContact = new DoNotContact { CeaseRequested = true }; break;
            case "workplace": answer.DoNotContact = new DoNotContact { WorkplaceForbidden = true }; break;
            case "reassigned": answer.Reassigned = ReassignedCheck.Reassigned; break;
            case "not_debtor": answer.Ownership = Ownership.NotDebtor; break;
            case "unknown": answer.Ownership = Ownership.Unknown; break;
            case "unspecified": answer.Ownership = Ownership.Unspecified; break;
            case "ownership_42": answer.Ownership = (Ownership)42; break;
        }

        var judged = RecheckPolicy.Judge(answer, ContactKind.Phone, SixtyDays, Now);

        Assert.Equal((verdict, reason), (judged.Verdict, judged.Reason));
    }

    /// <summary>Days before now of the debtor's last inbound contact and of the reassigned-number check (null: never).</summary>
    public static TheoryData<int?, ReassignedCheck, int?, Verdict> StaleNumbers => new()
    {
        // The debtor used the number recently: trusted, whatever the database said or when.
        { 10, ReassignedCheck.NotChecked, null, Verdict.Pass },
        { 60, ReassignedCheck.NotChecked, null, Verdict.Pass },
        { 10, ReassignedCheck.NoData, 200, Verdict.Pass },
        // Not used for longer than the rule allows: only a fresh "not reassigned" check keeps it.
        { 61, ReassignedCheck.NotReassigned, 5, Verdict.Pass },
        { 61, ReassignedCheck.NotReassigned, 60, Verdict.Pass },
        { null, ReassignedCheck.NotReassigned, 5, Verdict.Pass },
        { 61, ReassignedCheck.NotReassigned, 61, Verdict.Suppress },
        { 61, ReassignedCheck.NotReassigned, null, Verdict.Suppress },
        { 61, ReassignedCheck.NoData, 5, Verdict.Suppress },
        { 61, ReassignedCheck.NotChecked, null, Verdict.Suppress },
        { null, ReassignedCheck.NotChecked, null, Verdict.Suppress },
        { null, ReassignedCheck.NoData, 1, Verdict.Suppress },
    };

    [Theory]
    [MemberData(nameof(StaleNumbers))]
    public void Judge_PhoneNotUsedWithinReverifyPeriod_SuppressedUnlessFreshlyChecked(int? inboundDaysAgo, ReassignedCheck check, int? checkedDaysAgo, Verdict verdict)
    {
        var answer = new VerifyContactResponse { Ownership = Ownership.Debtor, Source = ContactSource.GivenByDebtor, Reassigned = check };
        if (inboundDaysAgo is { } inbound)
        {
            answer.LastInboundContactTime = Timestamp.FromDateTimeOffset(Now.AddDays(-inbound));
        }

        if (checkedDaysAgo is { } checkedAgo)
        {
            answer.ReassignedCheckedTime = Timestamp.FromDateTimeOffset(Now.AddDays(-checkedAgo));
        }

        var judged = RecheckPolicy.Judge(answer, ContactKind.Phone, SixtyDays, Now);

        Assert.Equal(verdict, judged.Verdict);
        if (verdict == Verdict.Suppress)
        {
            Assert.Equal(ReasonCode.NumberReassigned, judged.Reason);
            Assert.Contains("fresh reassigned-number check", judged.Detail, StringComparison.Ordinal);
            Assert.Contains("P60D", judged.Detail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(ContactKind.Email, 60)]
    [InlineData(ContactKind.PushToken, 60)]
    [InlineData(ContactKind.Phone, null)]
    public void Judge_StaleButNotAPhoneOrNoRule_Passes(ContactKind kind, int? reverifyDays)
    {
        var answer = new VerifyContactResponse { Ownership = Ownership.Debtor, Source = ContactSource.GivenByDebtor, Reassigned = ReassignedCheck.NotChecked };

        var judged = RecheckPolicy.Judge(answer, kind, reverifyDays is { } days ? TimeSpan.FromDays(days) : null, Now);

        Assert.Equal(Verdict.Pass, judged.Verdict);
    }

    private static VerifyContactResponse FreshDebtorNumber() => new()
    {
        Ownership = Ownership.Debtor,
        Source = ContactSource.GivenByDebtor,
        Reassigned = ReassignedCheck.NotReassigned,
        ReassignedCheckedTime = Timestamp.FromDateTimeOffset(Now.AddDays(-7)),
    };
}
