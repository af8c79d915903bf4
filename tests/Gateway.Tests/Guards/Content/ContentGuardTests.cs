using System.Collections.Frozen;
using Gateway.Decisions;
using Gateway.Guards.Content;
using Gateway.Requests;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Guards.Content;

/// <summary>The rendered text against the shipped US preset's lexicon, however a threat is disguised.</summary>
public sealed class ContentGuardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 20, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("ＡＲＲＥＳＴ")]
    [InlineData("ArReSt")]
    [InlineData("逮捕")]
    public void Evaluate_ThreatInCallerValue_SuppressedAsThreat(string firstName)
    {
        var verdict = new ContentGuard().Evaluate(Context(OverdueSms(firstName)));

        AssertThreat(verdict);
    }

    [Fact]
    public void Evaluate_ThreatWithZeroWidthCharactersInTemplate_SuppressedAsThreat()
    {
        var request = OverdueSms("Avery");
        request = request with { Template = request.Template with { Body = "Pay {amount_due} now or face a\u200Br\u200Crest." } };

        AssertThreat(new ContentGuard().Evaluate(Context(request)));
    }

    [Fact]
    public void Evaluate_ThirdPartyDisclosureInFullWidth_NamesItsCategory()
    {
        var request = OverdueSms("Avery");
        request = request with { Template = request.Template with { Body = "We will tell ＹＯＵＲ  ＦＡＭＩＬＹ about {debt_ref}." } };

        var verdict = new ContentGuard().Evaluate(Context(request));

        Assert.Equal((Verdict.Suppress, ReasonCode.ContentRejected), (verdict.Verdict, verdict.Reason));
        Assert.Contains("third_party_disclosure", verdict.Detail, StringComparison.Ordinal);
    }

    public static TheoryData<string> ShippedTemplates => [.. RulePresets.Us.Templates.All.Select(template => template.Id)];

    [Theory]
    [MemberData(nameof(ShippedTemplates))]
    public void Evaluate_ShippedTemplateWithCleanValues_Passes(string templateId)
    {
        Assert.True(RulePresets.Us.Templates.TryGet(templateId, out var template));
        var request = OverdueSms("Avery") with
        {
            Template = template,
            Parameters = template.Parameters.Keys.ToFrozenDictionary(name => name, _ => "Avery"),
        };

        var verdict = new ContentGuard().Evaluate(Context(request));

        Assert.Equal(Verdict.Pass, verdict.Verdict);
        Assert.Equal(ContentGuard.RuleName, verdict.Rule);
    }

    private static void AssertThreat(GuardVerdict verdict)
    {
        Assert.Equal((Verdict.Suppress, ReasonCode.ContentRejected), (verdict.Verdict, verdict.Reason));
        Assert.Contains("threat", verdict.Detail, StringComparison.Ordinal);
    }

    /// <summary>A validated overdue SMS with the given first name (the preset's pattern admits any letters, full-width and Chinese included).</summary>
    private static ReminderRequest OverdueSms(string firstName)
    {
        var reminder = TestReminders.OverdueSms();
        reminder.TemplateParameters["first_name"] = firstName;
        var result = new ReminderValidator(new FakeTimeProvider(Now)).Validate(reminder, RulePresets.Us, "tenant-a");
        Assert.True(result.IsValid, string.Join("; ", result.Violations));
        return result.Request!;
    }

    private static DecisionContext Context(ReminderRequest request) =>
        new(new Tenant("tenant-a", "Acme Lending", new Uri("http://127.0.0.1:1")), request, RulePresets.Us, Now, DecisionMode.DryRun, "rem_" + new string('0', 32), DateTimeOffset.MaxValue);
}
