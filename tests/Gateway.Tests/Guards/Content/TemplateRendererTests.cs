using System.Collections.Frozen;
using Gateway.Guards.Content;
using Gateway.Rules;

namespace Gateway.Tests.Guards.Content;

/// <summary>Placeholders: caller values at validation time, the gateway's own values only after the recheck; references masked.</summary>
public sealed class TemplateRendererTests
{
    private const string Body = "{lender_name}: Hi {first_name}, {amount_due} on account {debt_ref} was due on {due_date}.";
    private static readonly FrozenDictionary<string, string> Caller = new Dictionary<string, string> { ["first_name"] = "Avery" }.ToFrozenDictionary();

    [Fact]
    public void Render_NoSystemValues_LeavesSystemPlaceholdersUntouched()
    {
        Assert.Equal("{lender_name}: Hi Avery, {amount_due} on account {debt_ref} was due on {due_date}.", TemplateRenderer.Render(Body, Caller, systemValues: null));
    }

    [Fact]
    public void Render_SystemValues_FillsThem()
    {
        var system = new Dictionary<string, string>
        {
            [SystemPlaceholders.LenderName] = "Acme Lending",
            [SystemPlaceholders.AmountDue] = "USD 120.50",
            [SystemPlaceholders.DebtReference] = "****0001",
            [SystemPlaceholders.DueDate] = "November 1, 2026",
        };

        Assert.Equal("Acme Lending: Hi Avery, USD 120.50 on account ****0001 was due on November 1, 2026.", TemplateRenderer.Render(Body, Caller, system));
    }

    [Fact]
    public void Render_CallerCannotFillSystemPlaceholders()
    {
        var spoof = new Dictionary<string, string> { ["first_name"] = "Avery", [SystemPlaceholders.AmountDue] = "USD 1,000,000" };

        Assert.Contains("{amount_due}", TemplateRenderer.Render(Body, spoof, systemValues: null), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Template_RendersSubjectAndBody()
    {
        Assert.True(RulePresetsTemplate("overdue-email", out var template));

        var rendered = TemplateRenderer.Render(template, Caller, new Dictionary<string, string> { [SystemPlaceholders.LenderName] = "Acme Lending", [SystemPlaceholders.DebtReference] = "****0001" });

        Assert.Equal("Acme Lending: your payment on account ****0001", rendered.Subject);
        Assert.StartsWith("Hello Avery,", rendered.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("L-DUE-0001", "****0001")]
    [InlineData("12345", "****2345")]
    [InlineData("4111111111111111", "****1111")]
    [InlineData("abcd", "****")]
    [InlineData("ab", "**")]
    [InlineData("", "")]
    public void MaskReference_KeepsOnlyTheLastFourCharacters(string reference, string masked)
    {
        Assert.Equal(masked, TemplateRenderer.MaskReference(reference));
    }

    private static bool RulePresetsTemplate(string id, out MessageTemplate template) => Infrastructure.RulePresets.Us.Templates.TryGet(id, out template);
}
