using Gateway.Decisions;
using Gateway.Guards;
using Gateway.Guards.ChannelPermission;
using Gateway.Guards.Content;
using Gateway.Guards.QuietHours;
using Gateway.Guards.Review;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Guards;

/// <summary>
/// Step 2 alone: every local rule at once (so a refusal lists every local reason), then the
/// review gate, decided on the context's instant and nothing else.
/// </summary>
public sealed class LocalRulesStepTests
{
    /// <summary>15:00 in New York, a Monday.</summary>
    private readonly FakeTimeProvider _day = GatewayTestHost.DaytimeClock();

    private static readonly LocalRulesStep Step = new(new LocalGuards(new ChannelPermissionGuard(), new QuietHoursGuard(), new ContentGuard()));

    [Fact]
    public void Daytime_PlainReminder_Continues_WithEveryGuardsVerdict()
    {
        var context = TestDecisionContexts.For(Email(), _day);

        var outcome = Step.Evaluate(context);

        Assert.Equal(StepOutcomeKind.Continue, outcome.Kind);
        Assert.Equal([ChannelPermissionGuard.RuleName, QuietHoursGuard.RuleName, ContentGuard.RuleName], context.Verdicts.Select(verdict => verdict.Rule));
        Assert.All(context.Verdicts, verdict => Assert.True(verdict.Passed));
    }

    [Fact]
    public void AtNight_MayWait_IsDeferred_ToTheOpeningInTheRecipientsZone()
    {
        // 01:00 in New York; the US preset opens at 08:00 local.
        var night = new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);
        var context = TestDecisionContexts.For(Email(zone: "America/New_York").Deferrable(night.AddDays(1)), _day, at: night);

        var outcome = Step.Evaluate(context);

        Assert.Equal(StepOutcome.Decide(Outcome.Deferred), outcome);
        var quiet = Assert.Single(context.Verdicts, verdict => !verdict.Passed);
        Assert.Equal((QuietHoursGuard.RuleName, ReasonCode.QuietHours), (quiet.Rule, quiet.Reason));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.Zero), quiet.NotBefore);
    }

    [Fact]
    public void AtNight_MayNotWait_IsSuppressed_SayingWhenItCouldHaveGone()
    {
        var night = new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);
        var context = TestDecisionContexts.For(Email(zone: "America/New_York"), _day, at: night);

        var outcome = Step.Evaluate(context);

        Assert.Equal(StepOutcome.Decide(Outcome.Suppressed), outcome);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.Zero), Assert.Single(context.Verdicts, verdict => !verdict.Passed).NotBefore);
    }

    [Fact]
    public void AtNight_WithABannedPhrase_ListsBothReasons_AndIsSuppressed()
    {
        var night = new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);
        var context = TestDecisionContexts.For(Email(firstName: "Avery arrest", zone: "America/New_York"), _day, at: night);

        var outcome = Step.Evaluate(context);

        Assert.Equal(StepOutcome.Decide(Outcome.Suppressed), outcome);
        Assert.Equal([ReasonCode.QuietHours, ReasonCode.ContentRejected], context.Verdicts.Where(verdict => !verdict.Passed).Select(verdict => verdict.Reason));
    }

    [Fact]
    public void TemplateMarkedForReview_WaitsForAPerson()
    {
        var context = TestDecisionContexts.For(Email("collection-legal-email", Purpose.CollectionNotice), _day);

        var outcome = Step.Evaluate(context);

        Assert.Equal(StepOutcome.Decide(Outcome.Deferred), outcome);
        var review = context.Verdicts[^1];
        Assert.Equal((ReviewGate.Rule, ReasonCode.PendingReview), (review.Rule, review.Reason));
    }

    [Fact]
    public void TemplateMarkedForReview_Approved_Continues_InTheReviewersName()
    {
        var context = TestDecisionContexts.For(Email("collection-legal-email", Purpose.CollectionNotice), _day, approvedBy: "reviewer@acme.example");

        var outcome = Step.Evaluate(context);

        Assert.Equal(StepOutcomeKind.Continue, outcome.Kind);
        Assert.Equal("approved by reviewer@acme.example", context.Verdicts[^1].Detail);
    }

    [Fact]
    public void TemplateMarkedForReview_RefusedByARule_IsNotOfferedForReview()
    {
        // A person is asked only about a reminder that could go: the local refusal comes first.
        var night = new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);
        var context = TestDecisionContexts.For(Email("collection-legal-email", Purpose.CollectionNotice, zone: "America/New_York"), _day, at: night);

        Step.Evaluate(context);

        Assert.DoesNotContain(context.Verdicts, verdict => verdict.Rule == ReviewGate.Rule);
    }

    private static Reminder Email(string template = "overdue-email", Purpose purpose = Purpose.OverdueNotice, string firstName = "Avery", string? zone = null)
    {
        var reminder = TestReminders.OverdueEmail("D-1", "L-1", "debtor@example.com");
        reminder.TemplateId = template;
        reminder.Purpose = purpose;
        reminder.TemplateParameters["first_name"] = firstName;
        if (zone is not null)
        {
            reminder.RecipientTimeZone = zone;
        }

        return reminder;
    }
}
