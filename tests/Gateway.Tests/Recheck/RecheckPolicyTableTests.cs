using Gateway.Decisions;
using Gateway.Recheck;
using Gateway.V1;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Google.Type;
using Lending.V1;

namespace Gateway.Tests.Recheck;

/// <summary>What each answer of the lender means, as tables: every repayment status for a collecting and a non-collecting purpose, every do-not-contact flag and ownership, and malformed answers.</summary>
public sealed class RecheckPolicyTableTests
{
    private static readonly Timestamp AsOf = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 23, 19, 59, 0, TimeSpan.Zero));

    /// <summary>Status → (verdict for overdue_notice, verdict for pre_due_reminder). Every status must have a row.</summary>
    private static readonly Dictionary<RepaymentStatus, ((Verdict, ReasonCode) Overdue, (Verdict, ReasonCode) PreDue)> Expected = new()
    {
        [RepaymentStatus.Unspecified] = ((Verdict.Unavailable, ReasonCode.RecheckInvalid), (Verdict.Unavailable, ReasonCode.RecheckInvalid)),
        [RepaymentStatus.Current] = ((Verdict.Suppress, ReasonCode.NotDue), (Verdict.Pass, ReasonCode.Unspecified)),
        [RepaymentStatus.Due] = ((Verdict.Suppress, ReasonCode.NotDue), (Verdict.Pass, ReasonCode.Unspecified)),
        [RepaymentStatus.Overdue] = ((Verdict.Pass, ReasonCode.Unspecified), (Verdict.Pass, ReasonCode.Unspecified)),
        [RepaymentStatus.PaidInFull] = ((Verdict.Suppress, ReasonCode.AlreadyPaid), (Verdict.Suppress, ReasonCode.AlreadyPaid)),
        [RepaymentStatus.PaymentPending] = ((Verdict.Suppress, ReasonCode.PaymentPending), (Verdict.Suppress, ReasonCode.PaymentPending)),
        [RepaymentStatus.Settled] = ((Verdict.Suppress, ReasonCode.Settled), (Verdict.Suppress, ReasonCode.Settled)),
        [RepaymentStatus.ChargedOff] = ((Verdict.Pass, ReasonCode.Unspecified), (Verdict.Pass, ReasonCode.Unspecified)),
        [RepaymentStatus.Disputed] = ((Verdict.Suppress, ReasonCode.Disputed), (Verdict.Suppress, ReasonCode.Disputed)),
        [RepaymentStatus.Bankruptcy] = ((Verdict.Suppress, ReasonCode.Bankruptcy), (Verdict.Suppress, ReasonCode.Bankruptcy)),
        [RepaymentStatus.Deceased] = ((Verdict.Suppress, ReasonCode.Deceased), (Verdict.Suppress, ReasonCode.Deceased)),
        [RepaymentStatus.Hardship] = ((Verdict.Suppress, ReasonCode.Hardship), (Verdict.Suppress, ReasonCode.Hardship)),
    };

    public static TheoryData<RepaymentStatus, Purpose, Verdict, ReasonCode> RepaymentTable()
    {
        var data = new TheoryData<RepaymentStatus, Purpose, Verdict, ReasonCode>();
        foreach (var status in Enum.GetValues<RepaymentStatus>())
        {
            var (overdue, preDue) = Expected[status];
            data.Add(status, Purpose.OverdueNotice, overdue.Item1, overdue.Item2);
            data.Add(status, Purpose.PreDueReminder, preDue.Item1, preDue.Item2);
        }

        return data;
    }

    public static TheoryData<DoNotContact, ReasonCode> DoNotContactFlags => new()
    {
        { new DoNotContact { AttorneyRepresented = true }, ReasonCode.AttorneyRepresented },
        { new DoNotContact { CeaseRequested = true }, ReasonCode.CeaseRequested },
        { new DoNotContact { WorkplaceForbidden = true }, ReasonCode.WorkplaceForbidden },
        { new DoNotContact { AttorneyRepresented = true, CeaseRequested = true, WorkplaceForbidden = true }, ReasonCode.AttorneyRepresented },
    };

    public static TheoryData<Ownership, Verdict, ReasonCode> OwnershipTable => new()
    {
        { Ownership.Debtor, Verdict.Pass, ReasonCode.Unspecified },
        { Ownership.NotDebtor, Verdict.Suppress, ReasonCode.ContactNotDebtor },
        { Ownership.Unknown, Verdict.Suppress, ReasonCode.ContactUnverified },
        { Ownership.Unspecified, Verdict.Unavailable, ReasonCode.RecheckInvalid },
        { (Ownership)42, Verdict.Unavailable, ReasonCode.RecheckInvalid },
    };

    [Fact]
    public void RepaymentTable_CoversEveryStatus()
    {
        Assert.Equal(Enum.GetValues<RepaymentStatus>().Order(), Expected.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(RepaymentTable))]
    public void JudgeRepayment_EachStatusAndPurpose_GivesTableVerdict(RepaymentStatus status, Purpose purpose, Verdict verdict, ReasonCode reason)
    {
        var answer = new GetRepaymentStatusResponse { Status = status, AmountDue = Usd(120), DueDate = new Date { Year = 2026, Month = 11, Day = 1 }, AsOfTime = AsOf };

        var judged = RecheckPolicy.Judge(purpose, answer);

        Assert.Equal((verdict, reason), (judged.Verdict, judged.Reason));
        Assert.Equal(RecheckPolicy.RepaymentRule, judged.Rule);
    }

    [Theory]
    [InlineData(RepaymentStatus.Overdue)]
    [InlineData(RepaymentStatus.PaidInFull)]
    [InlineData(RepaymentStatus.Disputed)]
    public void JudgeRepayment_NoAsOfTime_IsInvalid(RepaymentStatus status)
    {
        var answer = new GetRepaymentStatusResponse { Status = status, AmountDue = Usd(120) };

        AssertInvalid(RecheckPolicy.Judge(Purpose.OverdueNotice, answer));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(999)]
    public void JudgeRepayment_UnknownStatus_IsInvalid(int status)
    {
        var answer = new GetRepaymentStatusResponse { Status = (RepaymentStatus)status, AmountDue = Usd(120), AsOfTime = AsOf };

        AssertInvalid(RecheckPolicy.Judge(Purpose.OverdueNotice, answer));
        AssertInvalid(RecheckPolicy.Judge(Purpose.PreDueReminder, answer));
    }

    [Theory]
    [InlineData(RepaymentStatus.Overdue, Purpose.OverdueNotice)]
    [InlineData(RepaymentStatus.ChargedOff, Purpose.CollectionNotice)]
    [InlineData(RepaymentStatus.Due, Purpose.PreDueReminder)]
    [InlineData(RepaymentStatus.Current, Purpose.PreDueReminder)]
    public void JudgeRepayment_AmountMissingWhenOwed_IsInvalid(RepaymentStatus status, Purpose purpose)
    {
        var answer = new GetRepaymentStatusResponse { Status = status, AsOfTime = AsOf };

        AssertInvalid(RecheckPolicy.Judge(purpose, answer));
    }

    [Fact]
    public void JudgeRepayment_PaidWithoutAmount_StillSuppressesAsPaid()
    {
        var answer = new GetRepaymentStatusResponse { Status = RepaymentStatus.PaidInFull, AsOfTime = AsOf };

        var judged = RecheckPolicy.Judge(Purpose.OverdueNotice, answer);

        Assert.Equal((Verdict.Suppress, ReasonCode.AlreadyPaid), (judged.Verdict, judged.Reason));
    }

    [Theory]
    [MemberData(nameof(DoNotContactFlags))]
    public void JudgeContact_DoNotContactFlag_SuppressesEvenForTheDebtorsOwnNumber(DoNotContact flags, ReasonCode reason)
    {
        var answer = OwnedByDebtor();
        answer.DoNotContact = flags;

        var judged = JudgeContact(answer);

        Assert.Equal((Verdict.Suppress, reason), (judged.Verdict, judged.Reason));
        Assert.Equal(RecheckPolicy.ContactRule, judged.Rule);
    }

    [Fact]
    public void JudgeContact_Reassigned_SuppressesEvenWhenOwnershipSaysDebtor()
    {
        var answer = OwnedByDebtor();
        answer.Reassigned = ReassignedCheck.Reassigned;

        var judged = JudgeContact(answer);

        Assert.Equal((Verdict.Suppress, ReasonCode.NumberReassigned), (judged.Verdict, judged.Reason));
    }

    [Theory]
    [InlineData(ReassignedCheck.NotReassigned)]
    [InlineData(ReassignedCheck.NotChecked)]
    [InlineData(ReassignedCheck.NoData)]
    public void JudgeContact_NotKnownReassigned_FollowsOwnership(ReassignedCheck reassigned)
    {
        var answer = OwnedByDebtor();
        answer.Reassigned = reassigned;

        Assert.Equal(Verdict.Pass, JudgeContact(answer).Verdict);
    }

    [Theory]
    [MemberData(nameof(OwnershipTable))]
    public void JudgeContact_EachOwnership_GivesTableVerdict(Ownership ownership, Verdict verdict, ReasonCode reason)
    {
        var answer = OwnedByDebtor();
        answer.Ownership = ownership;

        var judged = JudgeContact(answer);

        Assert.Equal((verdict, reason), (judged.Verdict, judged.Reason));
    }

    private static VerifyContactResponse OwnedByDebtor() => new()
    {
        Ownership = Ownership.Debtor,
        Source = ContactSource.GivenByDebtor,
        Reassigned = ReassignedCheck.NotReassigned,
        DoNotContact = new DoNotContact(),
    };

    private static Money Usd(long units) => new() { CurrencyCode = "USD", Units = units };

    private static void AssertInvalid(GuardVerdict judged) =>
        Assert.Equal((Verdict.Unavailable, ReasonCode.RecheckInvalid), (judged.Verdict, judged.Reason));

    [Fact]
    public void JudgeContact_UnknownReassignedAnswer_IsInvalidNeverAPass()
    {
        var answer = new VerifyContactResponse { Ownership = Ownership.Debtor, Source = ContactSource.GivenByDebtor, Reassigned = (ReassignedCheck)77 };

        var judged = JudgeContact(answer);

        Assert.Equal(Verdict.Unavailable, judged.Verdict);
        Assert.Equal(ReasonCode.RecheckInvalid, judged.Reason);
    }

    /// <summary>A phone answer judged without the stale-number rule, which has tests of its own.</summary>
    private static GuardVerdict JudgeContact(VerifyContactResponse answer) =>
        RecheckPolicy.Judge(answer, ContactKind.Phone, reverifyAfter: null, new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero));
}
