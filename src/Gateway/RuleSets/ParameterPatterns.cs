using System.Text.RegularExpressions;

namespace Gateway.RuleSets;

/// <summary>
/// Compiles the pattern a rule author wrote for a template parameter into one that matches the
/// whole value and nothing else. The anchors are the compiler's, not the author's: the author's
/// text must be a complete expression on its own, so that it cannot close the group the anchors
/// wrap it in (<c>x)|(.*</c> would leave <c>.*</c> outside them, and a URL would pass as a first name).
/// </summary>
internal static partial class ParameterPatterns
{
    /// <summary>Options that would change what the anchors mean, or let a value span lines, are not the author's to set.</summary>
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    /// <summary>The anchored pattern, or null with <paramref name="refusal"/> saying why the text cannot be one.</summary>
    public static Regex? Compile(string text, TimeSpan timeout, out string? refusal)
    {
        ArgumentNullException.ThrowIfNull(text);
        refusal = null;
        try
        {
            // Parsed alone first: an unbalanced ")" that would escape the wrapping group is a parse error here.
            _ = new Regex(text, Options, timeout);
        }
        catch (ArgumentException ex)
        {
            refusal = $"is not a complete regular expression on its own: {ex.Message}";
            return null;
        }

        if (InlineOptions().IsMatch(text))
        {
            // (?x) turns "#" into a comment that would swallow the closing anchor; (?m), (?s) and
            // the rest change what a value may span. A parameter's value is one short line.
            refusal = "may not set inline options such as (?i), (?x) or (?m); write the letters it allows instead";
            return null;
        }

        // \A and \z: "$" would also match before a final "\n".
        var anchored = new Regex(@"\A(?:" + text + @")\z", Options, timeout);
        return anchored;
    }

    [GeneratedRegex(@"\(\?[imnsx]*-?[imnsx]+[:)]", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex InlineOptions();
}
