using Gateway.RuleSets;


namespace Gateway.Tests.Recheck;

/// <summary>The rule file's <c>contactReverifyAfter</c>: optional, an ISO 8601 duration, a bad value named by its path.</summary>
public sealed class ContactReverifyRuleTests
{
    private static string Preset => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rules", "us-regf.json"));

    [Fact]
    public void ShippedUsPreset_ReverifiesAfterSixtyDays()
    {
        var rules = RuleSetLoader.Parse(Preset, "us-regf.json");

        Assert.Equal(TimeSpan.FromDays(60), rules.Jurisdictions["US"].ContactReverifyAfter);
    }

    [Fact]
    public void RuleAbsent_NoReverifyPeriod()
    {
        var document = RuleSetLoader.ParseDocument(Preset, "edited");
        document.Jurisdictions!["US"].ContactReverifyAfter = null;

        var rules = RuleSetCompiler.Compile(document, "edited");

        Assert.Null(rules.Jurisdictions["US"].ContactReverifyAfter);
    }

    [Theory]
    [InlineData("sixty days", "is not an ISO 8601 duration")]
    [InlineData("PT0S", "must be longer than zero")]
    [InlineData("-P1D", "must be longer than zero")]
    public void RuleInvalid_ProblemNamesItsPath(string value, string message)
    {
        var error = Assert.Throws<RuleSetInvalidException>(() =>
            RuleSetLoader.Parse(Preset.Replace("\"P60D\"", $"\"{value}\"", StringComparison.Ordinal), "edited"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.jurisdictions.US.contactReverifyAfter", problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }
}
