using Gateway.RuleSets;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Requests;

/// <summary>
/// A template parameter's pattern is anchored by the compiler, whatever the rule author wrote:
/// nothing the author writes gets a value past the whole-string match.
/// </summary>
public sealed class ParameterPatternTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(50);

    [Theory]
    [InlineData(@"\p{L}+)|(.*")]
    [InlineData(@"[A-Za-z]+)|(?:.*")]
    [InlineData(@"(?x)[a-z]+#")]
    [InlineData(@"(?m)[a-z]+$")]
    [InlineData(@"(?s:.*)")]
    [InlineData(@"(?i)[a-z]+")]
    [InlineData(@"[a-z]+\")]
    public void Compile_PatternThatCouldEscapeItsAnchors_IsRefused(string text)
    {
        Assert.Null(ParameterPatterns.Compile(text, Timeout, out var refusal));
        Assert.False(string.IsNullOrWhiteSpace(refusal));
    }

    [Theory]
    [InlineData(@"\p{L}[\p{L}' -]{0,39}", "Avery", true)]
    [InlineData(@"\p{L}[\p{L}' -]{0,39}", "Avery\n", false)]
    [InlineData(@"[A-Za-z]+|[0-9]+", "Avery https://pay.example", false)]
    [InlineData(@"[A-Za-z]+|[0-9]+", "1234", true)]
    [InlineData(@"^[A-Za-z]+$", "Avery\n", false)]
    [InlineData(@"^[A-Za-z]+$", "Avery", true)]
    public void Compile_AnchoredPattern_MatchesTheWholeValueOnly(string text, string value, bool matches)
    {
        var pattern = ParameterPatterns.Compile(text, Timeout, out _);

        Assert.NotNull(pattern);
        Assert.Equal(matches, pattern.IsMatch(value));
        Assert.Equal(Timeout, pattern.MatchTimeout);
    }

    [Fact]
    public void Compile_RuleSetWithAnEscapingPattern_IsRefusedNamingIt()
    {
        var preset = File.ReadAllText(RulePresets.PathOf("us-regf.json"));
        var original = """{ "first_name": { "pattern": "\\p{L}[\\p{L}' -]{0,39}" } }""";
        Assert.Contains(original, preset, StringComparison.Ordinal);
        var escaping = string.Concat(preset.AsSpan(0, preset.IndexOf(original, StringComparison.Ordinal)), """{ "first_name": { "pattern": "\\p{L}+)|(.*" } }""", preset.AsSpan(preset.IndexOf(original, StringComparison.Ordinal) + original.Length));

        var ex = Assert.Throws<RuleSetInvalidException>(() => RuleSetLoader.Parse(escaping, "escaping.json"));

        Assert.Equal(["$.templates[0].parameters.first_name.pattern"], ex.Problems.Select(problem => problem.Path));
    }
}
